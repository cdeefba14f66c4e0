// The vouchers in the cart: one line a tariff, priced from the catalogue; their codes come once
// the order is paid (by card at once, by transfer once it is received).
import { useTranslation } from 'react-i18next';
import type { CartDto } from '../../../src-main/contract/schemas.std.ts';
import { formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';

export function CartVouchers({ lines }: { lines: CartDto['vouchers'] }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  if (lines.length === 0) return null;
  return (
    <section className="card cart-group cart-vouchers" aria-label={t('cart.vouchers')}>
      <header className="cart-group-header"><h2>{t('cart.vouchers')}</h2></header>
      <p className="hint">{t('cart.vouchersHint')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('cart.columns.product')}</th>
            <th className="numeric">{t('cart.columns.unit')}</th>
            <th className="numeric">{t('cart.columns.quantity')}</th>
            <th className="numeric">{t('cart.columns.total')}</th>
            <th><span className="visually-hidden">{t('cart.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.itemId} data-item-id={line.itemId}>
              <td>{line.museumName} — {line.label[language]}</td>
              <td className="numeric">{formatMoney(line.unitCents, language)}</td>
              <td className="numeric">{line.quantity}</td>
              <td className="numeric">{formatMoney(line.totalCents, language)}</td>
              <td>
                <button type="button" className="button-secondary" onClick={() => void attempt('cart.remove', { itemId: line.itemId })}>
                  {t('cart.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// The cart as the platform shows it: each option with its lines, the discounts line and the
// total amount. Payment (card or transfer) and companion designation continue from here.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { useApp } from '../state/appStore.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { attempt } from '../state/attempt.dom.ts';
import { formatDateTime, formatMoney } from '../format/formatters.dom.ts';

export function CartScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const cart = useRemote('cart.get', {});
  const reload = cart.reload;
  useEvent('options.changed', useCallback(() => reload(), [reload]));
  useEvent('cart.changed', useCallback(() => reload(), [reload]));
  return (
    <div className="screen">
      <h1>{t('cart.title')}</h1>
      {cart.error && <ErrorNotice error={cart.error} onRetry={reload} />}
      {cart.value && cart.value.groups.length === 0 && <p className="hint">{t('cart.empty')}</p>}
      {cart.value?.groups.map((group) => (
        <section key={group.optionId} className="card cart-group" data-option-id={group.optionId}>
          <header className="cart-group-header">
            <h2>{group.venueName} — {formatDateTime(group.startsAt, language)}</h2>
            <button type="button" className="button-secondary" onClick={async () => (await attempt('cart.remove', { optionId: group.optionId })) && reload()}>
              {t('cart.remove')}
            </button>
          </header>
          {group.expiresAt && <p className="hint">{t('cart.heldUntil', { date: formatDateTime(group.expiresAt, language) })}</p>}
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('cart.columns.product')}</th>
                <th className="numeric">{t('cart.columns.unit')}</th>
                <th className="numeric">{t('cart.columns.quantity')}</th>
                <th className="numeric">{t('cart.columns.total')}</th>
              </tr>
            </thead>
            <tbody>
              {group.lines.map((line) => (
                <tr key={line.productId}>
                  <td>{line.label[language]}</td>
                  <td className="numeric">{formatMoney(line.unitCents, language)}</td>
                  <td className="numeric">{line.quantity}</td>
                  <td className="numeric">{formatMoney(line.totalCents, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {cart.value && cart.value.groups.length > 0 && (
        <dl className="facts cart-totals">
          <dt>{t('booking.discounts')}</dt>
          <dd className="numeric">{formatMoney(cart.value.discountCents, language)}</dd>
          <dt>{t('booking.total')}</dt>
          <dd className="numeric" data-testid="cart-total"><strong>{formatMoney(cart.value.totalCents, language)}</strong></dd>
        </dl>
      )}
    </div>
  );
}

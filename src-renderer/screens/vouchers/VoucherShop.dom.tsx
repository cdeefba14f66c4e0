// Buying vouchers as on the platform: each museum with its tariffs, a quantity chosen with + / −
// (or typed), "Add to cart". An office not yet validated sees them and is told why it cannot buy.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireVoucherMuseum, WireVoucherTariff } from '../../../src-main/contract/centralApi.std.ts';
import { formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';

export const MAX_VOUCHERS_A_LINE = 1000;

function TariffRow({ museum, tariff, canBuy }: { museum: WireVoucherMuseum; tariff: WireVoucherTariff; canBuy: boolean }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  // Kept as typed, so a half-typed number is never rewritten under the user's fingers.
  const [typed, setTyped] = useState('1');
  const quantity = Number(typed);
  const valid = /^[0-9]+$/.test(typed) && quantity >= 1 && quantity <= MAX_VOUCHERS_A_LINE;
  const step = (by: number) => setTyped(String(Math.min(MAX_VOUCHERS_A_LINE, Math.max(1, (valid ? quantity : 1) + by))));
  const name = tariff.label[language];
  const inputId = `voucher-qty-${tariff.id}`;

  async function add() {
    const cart = await attempt('cart.addVouchers', { tariffId: tariff.id, quantity });
    if (cart) {
      useNotices.getState().say('vouchers.added', { count: quantity, tariff: { fr: `${museum.name} — ${tariff.label.fr}`, en: `${museum.name} — ${tariff.label.en}` } });
      setTyped('1');
    }
  }

  return (
    <tr data-tariff-id={tariff.id}>
      <td>{name}</td>
      <td className="numeric">{formatMoney(tariff.priceCents, language)}</td>
      <td>{t('vouchers.validity', { count: tariff.validityMonths })}</td>
      <td>
        <div className="stepper">
          <button type="button" className="button-secondary" aria-label={`${t('vouchers.less')} — ${name}`} disabled={!canBuy || (valid && quantity <= 1)} onClick={() => step(-1)}>−</button>
          <label className="visually-hidden" htmlFor={inputId}>{`${t('vouchers.quantity')} — ${name}`}</label>
          <input
            id={inputId} inputMode="numeric" size={5} value={typed} disabled={!canBuy} aria-invalid={!valid}
            aria-describedby={valid ? undefined : `${inputId}-rule`} onChange={(e) => setTyped(e.target.value.trim())}
          />
          <button type="button" className="button-secondary" aria-label={`${t('vouchers.more')} — ${name}`} disabled={!canBuy || (valid && quantity >= MAX_VOUCHERS_A_LINE)} onClick={() => step(1)}>+</button>
        </div>
        {!valid && <span id={`${inputId}-rule`} className="field-error">{t('vouchers.quantityRule')}</span>}
      </td>
      <td className="numeric">{valid ? formatMoney(tariff.priceCents * quantity, language) : '—'}</td>
      <td>
        <button type="button" disabled={!canBuy || !valid} onClick={() => void add()}>{t('vouchers.addToCart')}</button>
      </td>
    </tr>
  );
}

export function VoucherShop({ museums, canBuy }: { museums: WireVoucherMuseum[]; canBuy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="voucher-shop" aria-labelledby="voucher-shop-title">
      <h2 id="voucher-shop-title">{t('vouchers.buy')}</h2>
      {!canBuy && <p className="notice notice-warning" role="status" data-testid="vouchers-not-validated">{t('vouchers.notValidated')}</p>}
      {museums.length === 0 && <p className="hint">{t('vouchers.catalogueEmpty')}</p>}
      <div className="voucher-museums">
        {museums.map((museum) => (
          <section key={museum.id} className="card voucher-museum" aria-label={museum.name} data-museum-id={museum.id}>
            <h3>{museum.name} <span className="hint">{museum.city}</span></h3>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('vouchers.tariff')}</th>
                  <th scope="col" className="numeric">{t('vouchers.price')}</th>
                  <th scope="col"><span className="visually-hidden">{t('vouchers.columns.validUntil')}</span></th>
                  <th scope="col">{t('vouchers.quantity')}</th>
                  <th scope="col" className="numeric">{t('cart.columns.total')}</th>
                  <th scope="col"><span className="visually-hidden">{t('vouchers.addToCart')}</span></th>
                </tr>
              </thead>
              <tbody>
                {museum.tariffs.map((tariff) => <TariffRow key={tariff.id} museum={museum} tariff={tariff} canBuy={canBuy} />)}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </section>
  );
}

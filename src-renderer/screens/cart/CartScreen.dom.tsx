// The cart as the platform shows it: each booking with its lines and companions, "Apply to
// all", the discounts line and the total amount, then the payment.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { CartGroup, companionName } from './CartGroup.dom.tsx';
import { CartVouchers } from './CartVouchers.dom.tsx';
import { Checkout } from './Checkout.dom.tsx';

export function CartScreen() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const remote = useRemote('cart.get', {});
  const companions = useRemote('companions.list', {});
  const reload = remote.reload;
  const reloadCompanions = companions.reload;
  // Every cart action answers with 'cart.changed': the cart is read again from there.
  useEvent('options.changed', reload);
  useEvent('cart.changed', reload);
  useEvent('companions.changed', useCallback(() => { reloadCompanions(); reload(); }, [reloadCompanions, reload]));
  const [everyone, setEveryone] = useState('');
  const cart = remote.value;
  const registry = companions.value ?? [];
  const needsCompanions = (cart?.groups ?? []).some((g) => g.companionLines.length > 0);
  const isEmpty = cart !== undefined && cart.groups.length === 0 && cart.vouchers.length === 0;

  return (
    <div className="screen">
      <h1>{t('cart.title')}</h1>
      {remote.error && <ErrorNotice error={remote.error} onRetry={reload} />}
      {isEmpty && <p className="hint">{t('cart.empty')}</p>}
      {cart?.groups.map((group) => <CartGroup key={group.itemId} group={group} companions={registry} />)}
      {cart && <CartVouchers lines={cart.vouchers} />}
      {cart && needsCompanions && (
        <div className="toolbar apply-to-all">
          <label className="field">{t('cart.applyToAllLabel')}
            <select name="applyToAll" value={everyone} onChange={(e) => setEveryone(e.target.value)}>
              <option value="">—</option>
              {registry.map((c) => <option key={c.id} value={c.id}>{companionName(c)}</option>)}
            </select>
          </label>
          <button type="button" className="button-secondary" disabled={everyone === ''} onClick={() => void attempt('cart.applyToAll', { companionId: everyone })}>
            {t('cart.applyToAll')}
          </button>
          {registry.length === 0 && <span className="hint">{t('cart.noCompanions')}</span>}
        </div>
      )}
      {cart && !isEmpty && (
        <>
          <dl className="facts cart-totals">
            <dt>{t('booking.discounts')}</dt>
            <dd className="numeric">{formatMoney(cart.discountCents, language)}</dd>
            <dt>{t('booking.total')}</dt>
            <dd className="numeric" data-testid="cart-total"><strong>{formatMoney(cart.totalCents, language)}</strong></dd>
          </dl>
          <Checkout cart={cart} />
        </>
      )}
    </div>
  );
}

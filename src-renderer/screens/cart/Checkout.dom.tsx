// Confirming the cart: terms of sale, then card or bank transfer. A refusal is said next to
// the button and nothing typed is lost; the card number is forgotten once the order is paid.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_CARDS } from '../../../src-main/contract/centralApi.std.ts';
import type { RpcError } from '../../../src-main/contract/errors.std.ts';
import type { CartDto } from '../../../src-main/contract/schemas.std.ts';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { bridge } from '../../transport/bridge.dom.ts';

const NO_CARD = { holder: '', number: '', expiry: '', cvc: '' };

export function Checkout({ cart }: { cart: CartDto }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const say = useNotices((s) => s.say);
  const [termsAccepted, setTermsAccepted] = useState(false);
  const [method, setMethod] = useState<'card' | 'transfer'>('card');
  const [card, setCard] = useState(NO_CARD);
  const [refusal, setRefusal] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const setField = (key: keyof typeof NO_CARD) => (e: { target: { value: string } }) => setCard({ ...card, [key]: e.target.value });
  const total = formatMoney(cart.totalCents, language);

  async function pay(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    const payment = method === 'card' ? { method, card: { ...card, number: card.number.trim() } } : { method };
    const result = await bridge.invoke('cart.checkout', { termsAccepted, payment });
    setBusy(false);
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    setCard(NO_CARD);
    const { order } = result.value;
    // An order of vouchers alone issues codes, not tickets.
    const paidWord = order.bookings.length === 0 ? 'checkout.paidVouchers' : 'checkout.paid';
    say(order.state === 'paid' ? paidWord : 'checkout.awaitingTransfer', {
      number: order.number, amount: { money: order.totalCents }, due: order.paymentDueAt ? { dateTime: order.paymentDueAt } : '',
    });
    navigate('orders', { order: order.id });
  }

  return (
    <form className="card checkout" onSubmit={pay} aria-label={t('checkout.title')}>
      <h2>{t('checkout.title')}</h2>
      {cart.undesignated > 0 && <p className="notice notice-warning">{t('checkout.undesignated', { count: cart.undesignated })}</p>}
      <details className="terms">
        <summary>{t('checkout.termsTitle')}</summary>
        <p>{t('checkout.termsText')}</p>
      </details>
      <label className="checkbox">
        <input type="checkbox" name="terms" checked={termsAccepted} onChange={(e) => setTermsAccepted(e.target.checked)} />
        {t('checkout.acceptTerms')}
      </label>
      <fieldset className="payment-method">
        <legend>{t('checkout.method')}</legend>
        <label className="checkbox"><input type="radio" name="method" value="card" checked={method === 'card'} onChange={() => setMethod('card')} />{t('checkout.card')}</label>
        <label className="checkbox"><input type="radio" name="method" value="transfer" checked={method === 'transfer'} onChange={() => setMethod('transfer')} />{t('checkout.transfer')}</label>
      </fieldset>
      {method === 'card' ? (
        <div className="card-fields">
          <label className="field">{t('checkout.holder')}<input name="holder" autoComplete="cc-name" value={card.holder} onChange={setField('holder')} /></label>
          <label className="field">{t('checkout.number')}<input name="number" inputMode="numeric" autoComplete="cc-number" value={card.number} onChange={setField('number')} /></label>
          <label className="field">{t('checkout.expiry')}<input name="expiry" placeholder="MM/YY" autoComplete="cc-exp" value={card.expiry} onChange={setField('expiry')} /></label>
          <label className="field">{t('checkout.cvc')}<input name="cvc" inputMode="numeric" autoComplete="cc-csc" value={card.cvc} onChange={setField('cvc')} /></label>
          <p className="hint">{t('checkout.testCards', { approved: TEST_CARDS.approved, declined: TEST_CARDS.declined })}</p>
        </div>
      ) : (
        <p className="hint">{t('checkout.transferHint')}</p>
      )}
      {refusal && <ErrorNotice error={refusal} />}
      <button type="submit" className="button-primary" disabled={busy}>
        {method === 'card' ? t('checkout.payCard', { amount: total }) : t('checkout.payTransfer', { amount: total })}
      </button>
    </form>
  );
}

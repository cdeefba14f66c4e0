// One order: its bookings and lines, VAT, payment, tickets, what the venue's cancellation
// changed, the receipt and the ticket assignment.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetailDto } from '../../../src-main/contract/orderSchemas.std.ts';
import { ErrorNotice } from '../../components/ErrorNotice.dom.tsx';
import { PriceLineRows } from '../../components/PriceLineRows.dom.tsx';
import { StateBadge } from '../../components/StateBadge.dom.tsx';
import { downloadBase64 } from '../../format/download.dom.ts';
import { formatDateTime, formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useEvent } from '../../state/useEvent.dom.ts';
import { useRemote } from '../../state/useRemote.dom.ts';
import { AssignTickets } from './AssignTickets.dom.tsx';
import { OrderVouchers } from './OrderVouchers.dom.tsx';
import { PrintTicketsBar, PrintTicketsButton } from '../../components/PrintTickets.dom.tsx';
import { PrintedSummary } from '../../components/PrintedSummary.dom.tsx';

const percent = (bp: number, language: 'fr' | 'en') => new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(bp / 100);

function Bookings({ detail }: { detail: OrderDetailDto }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  return detail.order.bookings.map((b) => (
    <section key={b.optionId} className="order-booking">
      <h3>
        {b.venueName} — {formatDateTime(b.startsAt, language)} {b.cancelledByVenue && <StateBadge state="cancelled_by_venue" />}
      </h3>
      <table className="data-table">
        <tbody>
          <PriceLineRows lines={b.lines} />
        </tbody>
      </table>
      {b.companions.length > 0 && (
        <p className="hint">{t('orders.companions', { names: b.companions.map((c) => (c.placeholder ? c.surname : `${c.firstName} ${c.surname}`)).join(', ') })}</p>
      )}
    </section>
  ));
}

function Totals({ detail }: { detail: OrderDetailDto }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const { order } = detail;
  return (
    <dl className="facts order-totals">
      <dt>{t('booking.discounts')}</dt>
      <dd className="numeric">{formatMoney(order.discountCents, language)}</dd>
      {order.vat.map((v) => (
        <div key={v.rateBp} className="vat-line">
          <dt>{t('orders.vat', { rate: percent(v.rateBp, language), base: formatMoney(v.baseCents, language) })}</dt>
          <dd className="numeric">{formatMoney(v.vatCents, language)}</dd>
        </div>
      ))}
      <dt>{t('booking.total')}</dt>
      <dd className="numeric" data-testid="order-total"><strong>{formatMoney(order.totalCents, language)}</strong></dd>
      {order.refundCents > 0 && (
        <>
          <dt>{t('orders.refund')}</dt>
          <dd className="numeric">{formatMoney(order.refundCents, language)}</dd>
        </>
      )}
    </dl>
  );
}

function VenueCancellation({ detail }: { detail: OrderDetailDto }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  if (detail.companionsToCall.length === 0 && detail.clientsToCall.length === 0 && detail.order.refundCents === 0) return null;
  return (
    <div className="notice notice-warning venue-cancellation" role="status">
      <div>
        <p>{t(`orders.cancelledByVenue.${detail.order.state === 'refunded' ? 'refunded' : 'toBeRefunded'}`, { amount: formatMoney(detail.order.refundCents, language) })}</p>
        {detail.clientsToCall.length > 0 && (
          <>
            <p>{t('dossiers.clientsToCall')}</p>
            <ul className="clients-to-call" data-testid="clients-to-call">
              {detail.clientsToCall.map((c) => (
                <li key={`${c.dossierId}-${c.startsAt}`}>
                  <strong>{c.name}</strong> — {[c.contactName, c.contactPhone, c.contactEmail].filter(Boolean).join(' · ') || t('orders.noContactDetails')} ({c.venueName}, {formatDateTime(c.startsAt, language)})
                </li>
              ))}
            </ul>
          </>
        )}
        {detail.companionsToCall.length > 0 && (
          <>
            <p>{t('orders.companionsToCall')}</p>
            <ul className="companions-to-call">
              {detail.companionsToCall.map((c) => (
                <li key={`${c.name}-${c.startsAt}`}>
                  <strong>{c.name}</strong> — {[c.phone, c.email].filter(Boolean).join(' · ') || t('orders.noContactDetails')} ({c.venueName}, {formatDateTime(c.startsAt, language)})
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

export function OrderDetail({ orderId, onClose }: { orderId: string; onClose(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const remote = useRemote('orders.get', { orderId });
  const reload = remote.reload;
  useEvent('orders.changed', useCallback(() => reload(), [reload]));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const detail = remote.value;

  async function printReceipt() {
    const file = await attempt('orders.receipt', { orderId, language });
    if (file) downloadBase64(file.fileName, file.base64, 'application/pdf');
  }

  async function exportCsv() {
    const file = await attempt('tickets.csv', { orderId, language });
    if (!file) return;
    downloadBase64(file.fileName, file.base64, 'text/csv;charset=utf-8');
    setLeftOut(file.leftOut.map((t) => t.number));
  }

  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });

  return (
    <aside className="side-panel side-panel-wide order-detail" aria-label={t('orders.detail', { number: detail?.row.number ?? '' })} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <h2>{t('orders.detail', { number: detail?.row.number ?? '' })}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>{t('booking.close')}</button>
      </header>
      {remote.error && <ErrorNotice error={remote.error} onRetry={reload} />}
      {detail && (
        <>
          <dl className="facts">
            <dt>{t('orders.columns.date')}</dt><dd>{formatDateTime(detail.order.createdAt, language)}</dd>
            <dt>{t('orders.columns.state')}</dt><dd><StateBadge state={detail.order.state} /></dd>
            <dt>{t('orders.columns.payment')}</dt>
            <dd data-testid="order-payment">
              {detail.order.payment.method === 'card'
                ? t('orders.paidByCard', { last4: detail.order.payment.cardLast4 ?? '', reference: detail.order.payment.reference })
                : t('orders.paidByTransfer', { reference: detail.order.payment.reference })}
            </dd>
          </dl>
          {detail.order.state === 'awaiting_transfer' && (
            <p className="notice notice-warning" data-testid="transfer-due">
              <span>
                {t('orders.awaitingTransfer', { reference: detail.order.payment.reference, amount: formatMoney(detail.order.totalCents, language) })}
                {detail.order.paymentDueAt && <> <strong>{t('orders.transferDue', { due: formatDateTime(detail.order.paymentDueAt, language) })}</strong></>}
              </span>
            </p>
          )}
          {detail.order.state === 'cancelled' && detail.order.cancelledAt && (
            <p className="notice notice-error" role="status">
              {t(detail.order.cancelReason === 'back_office' ? 'orders.cancelledBackOffice' : 'orders.cancelledUnpaid', { when: formatDateTime(detail.order.cancelledAt, language) })}
            </p>
          )}
          <VenueCancellation detail={detail} />
          <Bookings detail={detail} />
          <OrderVouchers order={detail.order} />
          <Totals detail={detail} />
          <div className="toolbar">
            <button type="button" className="button-secondary" onClick={() => void printReceipt()}>{t('orders.printReceipt')}</button>
            {detail.tickets.length > 0 && (
              <button type="button" className="button-secondary" onClick={() => void exportCsv()}>{t('orders.exportCsv')}</button>
            )}
          </div>
          {detail.tickets.length > 0 && (
            <PrintTicketsBar>
              <PrintTicketsButton scope={{ kind: 'order', orderId }} label={t('bundles.printOrder')} />
              {detail.groupBookings.filter((g) => g.subGroups > 1).map((g) => (
                <PrintTicketsButton key={g.id} scope={{ kind: 'groupBooking', groupBookingId: g.id }} label={t('bundles.printGroup', { count: g.subGroups })} />
              ))}
            </PrintTicketsBar>
          )}
          {detail.tickets.length > 0 && <p className="order-printed"><PrintedSummary printed={detail.printed} /></p>}
          {leftOut.length > 0 && <p className="notice notice-warning" role="status">{t('orders.csvLeftOut', { count: leftOut.length, numbers: leftOut.join(', ') })}</p>}
          {detail.tickets.some((ticket) => ticket.state === 'valid') && (
            <AssignTickets orderId={orderId} selected={[...selected]} total={detail.tickets.filter((ticket) => ticket.state === 'valid').length}
              onAssigned={() => setSelected(new Set())} />
          )}
          <h3>{t('orders.tickets', { count: detail.tickets.length })}</h3>
          {detail.tickets.length === 0 ? (
            <p className="hint">{t(detail.order.state === 'awaiting_transfer' ? 'orders.ticketsAfterTransfer' : 'orders.noTickets')}</p>
          ) : (
            <table className="data-table order-tickets" aria-label={t('orders.tickets', { count: detail.tickets.length })}>
              <thead>
                <tr>
                  <th><span className="visually-hidden">{t('cart.select')}</span></th>
                  <th>{t('tickets.columns.number')}</th>
                  <th>{t('tickets.columns.product')}</th>
                  <th>{t('tickets.columns.state')}</th>
                  <th>{t('tickets.columns.assignedTo')}</th>
                  <th>{t('tickets.columns.printed')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.tickets.map((ticket) => (
                  <tr key={ticket.id} data-ticket-number={ticket.number}>
                    <td>
                      <input type="checkbox" aria-label={t('tickets.selectOne', { number: ticket.number })} disabled={ticket.state !== 'valid'}
                        checked={selected.has(ticket.id)} onChange={() => toggle(ticket.id)} />
                    </td>
                    <td className="mono">{ticket.number}</td>
                    <td title={ticket.label[language]}>{t(`tickets.kind.${ticket.kind}`)}</td>
                    <td><StateBadge state={ticket.state} /></td>
                    <td>{ticket.assignedTo ? `${ticket.assignedTo.name} <${ticket.assignedTo.email}>` : '—'}</td>
                    <td><PrintedSummary printed={ticket.printed} short /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </aside>
  );
}

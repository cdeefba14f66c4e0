// What the receipts and tickets print, in the platform's own words (DOMAIN.md §10), and
// money and dates written as each language writes them, in the venue's time zone
// ("272,00 €", "18 mars 2025 13:15" / "€272.00", "18 March 2025 1:15 pm") — the same
// conventions as the interface, so a printed receipt reads like the screen it came from.
import type { Language } from '../../contract/schemas.std.ts';
import type { OrderCancelReason, OrderState } from '../../contract/centralApi.std.ts';

export type PrintLanguage = Language;

export const VENUE_TIME_ZONE = 'Europe/Paris';
const LOCALES: Record<PrintLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

// Intl separates French thousands (and "5,5 %") with U+202F, a glyph the Roboto shipped with
// pdfmake lacks: it would print as an empty box. U+00A0 looks the same and does not break either.
const printable = (s: string) => s.replace(/\u202f/g, '\u00a0');

// Building an Intl formatter costs a hundred times more than using one, and a bundle formats
// thousands of dates: each is built once per language and zone.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

export const formatMoney = (cents: number, language: PrintLanguage) =>
  printable(cached(`money:${language}`, () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' })).format(cents / 100));

const timeParts = (language: PrintLanguage) =>
  language === 'fr' ? ({ hour: '2-digit', minute: '2-digit', hour12: false } as const) : ({ hour: 'numeric', minute: '2-digit', hour12: true } as const);

export const formatDate = (iso: string, language: PrintLanguage, timeZone = VENUE_TIME_ZONE) =>
  printable(cached(`date:${language}:${timeZone}`, () =>
    new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone })).format(new Date(iso)));

/** "18 mars 2025 13:15" / "18 March 2025 1:15 pm", in the venue's time (Paris) whatever the machine's zone. */
export const formatDateTime = (iso: string, language: PrintLanguage, timeZone = VENUE_TIME_ZONE) => {
  const time = cached(`time:${language}:${timeZone}`, () => new Intl.DateTimeFormat(LOCALES[language], { ...timeParts(language), timeZone })).format(new Date(iso));
  return printable(`${formatDate(iso, language, timeZone)} ${time}`);
};

/** 550 basis points → "5,5 %" / "5.5%". */
export const formatVatRate = (rateBp: number, language: PrintLanguage) =>
  printable(cached(`percent:${language}`, () => new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 2 })).format(rateBp / 10_000));

/** "SIRET : 912…" in French (a no-break space before the colon), "SIRET: 912…" in English. */
export const labelled = (label: string, value: string, language: PrintLanguage) =>
  `${label}${language === 'fr' ? '\u00a0: ' : ': '}${value}`;

export interface PrintWords {
  receiptTitle: string;
  seller: string;
  customer: string;
  siret: string;
  vatNumber: string;
  customerService: string;
  orderNumber: string;
  orderDate: string;
  paidAt: string;
  refundedAt: string;
  state: string;
  states: Record<OrderState, string>;
  paymentMethod: string;
  card: (last4: string | null, authorisation: string) => string;
  transfer: (reference: string) => string;
  transferPending: string;
  transferDue: (when: string) => string;
  cancelledAt: string;
  cancelReasons: Record<OrderCancelReason, string>;
  product: string;
  unitPrice: string;
  quantity: string;
  total: string;
  cancelledByVenue: string;
  discounts: string;
  totalAmount: string;
  vatBreakdown: string;
  vatRate: string;
  vatBase: string;
  vat: string;
  refundOwed: string;
  refundNote: string;
  nonRefundable: string;
  vouchers: string;
  voucherValidity: (months: number) => string;
  page: (page: number, count: number) => string;
  ticketTitle: string;
  validOnlyFor: string;
  validUntil: string;
  ticketNumber: string;
  holder: string;
  ticketRules: string;
}

export const printWords: Record<PrintLanguage, PrintWords> = {
  fr: {
    receiptTitle: 'Justificatif de commande',
    seller: 'Vendeur',
    customer: 'Client',
    siret: 'SIRET',
    vatNumber: 'N° TVA intracommunautaire',
    customerService: 'Service client',
    orderNumber: 'N° de commande',
    orderDate: 'Date de commande',
    paidAt: 'Date de paiement',
    refundedAt: 'Date de remboursement',
    state: 'État',
    states: {
      paid: 'Payée',
      awaiting_transfer: 'En attente du virement',
      to_be_refunded: 'À rembourser',
      refunded: 'Remboursée',
      cancelled: 'Annulée',
    },
    paymentMethod: 'Moyen de paiement',
    card: (last4, authorisation) => `Carte bancaire •••• ${last4 ?? '????'} — autorisation ${authorisation}`,
    transfer: (reference) => `Virement bancaire — référence à indiquer\u00a0: ${reference}`,
    transferPending: 'Les billets sont délivrés à réception du virement.',
    transferDue: (when) => `À recevoir au plus tard le ${when} : sinon la commande est annulée et les places sont remises en vente.`,
    cancelledAt: 'Annulée le',
    cancelReasons: {
      unpaid: 'Le virement n’a pas été reçu avant la date limite : les places ont été remises en vente.',
      back_office: 'Annulée par le service client, faute de virement : les places ont été remises en vente.',
    },
    product: 'Produit',
    unitPrice: 'Prix unitaire',
    quantity: 'Quantité',
    total: 'Total',
    cancelledByVenue: 'Annulée par le site',
    discounts: 'Remises',
    totalAmount: 'Montant total TTC',
    vatBreakdown: 'Détail de la TVA',
    vatRate: 'Taux',
    vatBase: 'Base HT',
    vat: 'TVA',
    refundOwed: 'Remboursement dû',
    refundNote: 'Le site a annulé une visite\u00a0: le service client vous rembourse ce montant.',
    nonRefundable: 'Les réservations confirmées par paiement ne sont pas remboursables.',
    vouchers: 'Contremarques',
    voucherValidity: (months) => `Un code promotionnel par contremarque, valable ${months} mois à compter du paiement.`,
    page: (page, count) => `Page ${page} / ${count}`,
    ticketTitle: 'Billet électronique',
    validOnlyFor: 'Valable uniquement le',
    validUntil: 'Valable jusqu’au',
    ticketNumber: 'N° de billet',
    holder: 'Titulaire',
    ticketRules: 'Un billet par personne, valable pour une seule entrée. Présentez-le à l’entrée du site, imprimé ou sur écran.',
  },
  en: {
    receiptTitle: 'Order receipt',
    seller: 'Seller',
    customer: 'Customer',
    siret: 'SIRET',
    vatNumber: 'EU VAT number',
    customerService: 'Customer service',
    orderNumber: 'Order number',
    orderDate: 'Order date',
    paidAt: 'Payment date',
    refundedAt: 'Refund date',
    state: 'Status',
    states: {
      paid: 'Paid',
      awaiting_transfer: 'Awaiting bank transfer',
      to_be_refunded: 'To be refunded',
      refunded: 'Refunded',
      cancelled: 'Cancelled',
    },
    paymentMethod: 'Payment method',
    card: (last4, authorisation) => `Card •••• ${last4 ?? '????'} — authorisation ${authorisation}`,
    transfer: (reference) => `Bank transfer — reference to quote: ${reference}`,
    transferPending: 'Tickets are released once the transfer is received.',
    transferDue: (when) => `To be received by ${when} at the latest: otherwise the order is cancelled and its places go back on sale.`,
    cancelledAt: 'Cancelled on',
    cancelReasons: {
      unpaid: 'The transfer was not received by its deadline: the places went back on sale.',
      back_office: 'Cancelled by customer service, the transfer not having arrived: the places went back on sale.',
    },
    product: 'Product',
    unitPrice: 'Unit price',
    quantity: 'Quantity',
    total: 'Total',
    cancelledByVenue: 'Cancelled by the venue',
    discounts: 'Discounts',
    totalAmount: 'Total amount incl. VAT',
    vatBreakdown: 'VAT breakdown',
    vatRate: 'Rate',
    vatBase: 'Base excl. VAT',
    vat: 'VAT',
    refundOwed: 'Refund owed',
    refundNote: 'A venue cancelled a visit: customer service refunds you this amount.',
    nonRefundable: 'Bookings confirmed by payment are non-refundable.',
    vouchers: 'Vouchers',
    voucherValidity: (months) => `One promotional code a voucher, valid ${months} month${months === 1 ? '' : 's'} from payment.`,
    page: (page, count) => `Page ${page} / ${count}`,
    ticketTitle: 'E-ticket',
    validOnlyFor: 'Valid only for',
    validUntil: 'Valid until',
    ticketNumber: 'Ticket number',
    holder: 'Holder',
    ticketRules: 'One ticket per person, valid for a single entry. Show it at the entrance, printed or on screen.',
  },
};

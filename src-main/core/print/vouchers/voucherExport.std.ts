// What a voucher export (PDF, one code a page; Excel, every code in column K) says of each
// code, and its words in French and English. The platform's own export puts the codes in
// column K: offices' mail-merge sheets read them there.
import type { PrintLanguage } from '../printText.std.ts';

export const VOUCHER_STATUSES = ['unassigned', 'assigned', 'used', 'revoked'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export interface VoucherExportRow {
  code: string;
  museum: string;
  tariff: string;
  priceCents: number;
  orderNumber: string;
  /** ISO instants. */
  purchasedAt: string;
  status: VoucherStatus;
  recipientEmail: string | null;
  recipientName: string | null;
  assignedAt: string | null;
  usedAt: string | null;
  /** The last day it may be used, 'YYYY-MM-DD'; null when it does not lapse. */
  validUntil: string | null;
}

export interface VoucherWords {
  title: string;
  heading: string;
  codeLabel: string;
  validUntil: (day: string) => string;
  noExpiry: string;
  order: (number: string, date: string) => string;
  assigned: (to: string, date: string) => string;
  used: (date: string) => string;
  revoked: string;
  howTo: string;
  page: (n: number, of: number) => string;
  statuses: Record<VoucherStatus, string>;
  columns: {
    order: string; purchasedAt: string; museum: string; tariff: string; price: string; status: string;
    recipientEmail: string; recipientName: string; assignedAt: string; usedAt: string; code: string; validUntil: string;
  };
  sheet: string;
}

export const voucherWords: Record<PrintLanguage, VoucherWords> = {
  fr: {
    title: 'Contremarques',
    heading: 'Contremarque',
    codeLabel: 'Code promotionnel',
    validUntil: (day) => `Valable jusqu’au ${day} inclus`,
    noExpiry: 'Sans date limite',
    order: (number, date) => `Commande ${number} du ${date}`,
    assigned: (to, date) => `Affectée à ${to} le ${date}`,
    used: (date) => `Utilisée le ${date}`,
    revoked: 'Annulée : ce code ne donne plus droit à un billet.',
    howTo: 'Ce code donne droit à un billet gratuit. Présentez-le, ou son QR code, à la caisse du musée, ou saisissez-le comme code promotionnel lors de la réservation en ligne. Chaque code ne sert qu’une fois.',
    page: (n, of) => `Page ${n} / ${of}`,
    statuses: { unassigned: 'Non affecté', assigned: 'Affecté', used: 'Utilisé', revoked: 'Annulé' },
    columns: {
      order: 'Commande', purchasedAt: 'Date d’achat', museum: 'Musée', tariff: 'Tarif', price: 'Prix', status: 'Statut',
      recipientEmail: 'E-mail du destinataire', recipientName: 'Destinataire', assignedAt: 'Affecté le', usedAt: 'Utilisé le',
      code: 'Code promotionnel', validUntil: 'Valable jusqu’au',
    },
    sheet: 'Contremarques',
  },
  en: {
    title: 'Vouchers',
    heading: 'Voucher',
    codeLabel: 'Promotional code',
    validUntil: (day) => `Valid until ${day} inclusive`,
    noExpiry: 'No expiry date',
    order: (number, date) => `Order ${number} of ${date}`,
    assigned: (to, date) => `Assigned to ${to} on ${date}`,
    used: (date) => `Used on ${date}`,
    revoked: 'Cancelled: this code no longer gives a ticket.',
    howTo: 'This code gives one free ticket. Show it, or its QR code, at the museum’s ticket desk, or enter it as a promotional code when booking online. Each code can be used once.',
    page: (n, of) => `Page ${n} of ${of}`,
    statuses: { unassigned: 'Unassigned', assigned: 'Assigned', used: 'Used', revoked: 'Cancelled' },
    columns: {
      order: 'Order', purchasedAt: 'Purchase date', museum: 'Museum', tariff: 'Tariff', price: 'Price', status: 'Status',
      recipientEmail: 'Recipient e-mail', recipientName: 'Recipient', assignedAt: 'Assigned on', usedAt: 'Used on',
      code: 'Promotional code', validUntil: 'Valid until',
    },
    sheet: 'Vouchers',
  },
};

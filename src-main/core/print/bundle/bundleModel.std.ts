// What a ticket bundle prints, as plain data: built from the local store in the main process,
// handed to the worker that draws it (structured clone), so the worker never touches the store.
import type { PrintLanguage } from '../printText.std.ts';

export interface BundleTicketPage {
  number: string;
  /** The signed text the QR code carries. */
  qr: string;
  kind: 'visitor' | 'guide' | 'leader';
  /** The product in the platform's words, in the bundle's language. */
  product: string;
  priceCents: number;
  venueName: string;
  timeZone: string;
  /** Dated tickets: the slot's start; null for an undated e-ticket ("valid until …"). */
  slotStartsAt: string | null;
  validUntil: string;
  orderNumber: string;
  holder: string | null;
}

export interface BundleCover {
  venueName: string;
  timeZone: string;
  slotStartsAt: string;
  /** Head-count by tariff, in the bundle's language. */
  tariffs: { product: string; count: number }[];
  companion: { name: string; phone: string | null } | null;
  ticketNumbers: string[];
  orderNumber: string;
  /** The code admitting the whole sub-group; null when the bundle holds only part of it. */
  groupQr: string | null;
  /** The client group the visit is for, as the office named it. */
  dossier: { name: string; reference: string | null } | null;
}

/** One sub-group: its cover, then one page per ticket. */
export interface BundleSection {
  /** "2/3": this sub-group's place in its group booking. */
  subGroup: { index: number; count: number };
  companion: { name: string; phone: string | null } | null;
  cover: BundleCover;
  tickets: BundleTicketPage[];
}

export interface BundleDocument {
  title: string;
  language: PrintLanguage;
  office: string;
  sections: BundleSection[];
}

export const bundlePageCount = (doc: BundleDocument) =>
  doc.sections.reduce((pages, section) => pages + 1 + section.tickets.length, 0);

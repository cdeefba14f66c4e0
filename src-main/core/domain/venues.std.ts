// The catalogue's shape. Every booking rule the FAQ gives per monument lives here as data,
// so a venue changing its minimum or holding period is a catalogue update, not a release.
import type { Cents } from './money.std.ts';

/**
 * timed: group slots on a quarter-hour grid, booked online (the four "online" venues).
 * dated: group tickets valid for one day, booked online (Carcassonne).
 * on-request: the office asks the monument's booking department; nothing is booked online.
 */
export type SlotMode = 'timed' | 'dated' | 'on-request';

export interface BookingRules {
  slotMode: SlotMode;
  /** Head-count from which a group slot is required; null = no minimum. */
  minGroupSize: number | null;
  /** Conciergerie / Sainte-Chapelle: a group with a tour guide may be smaller than the minimum. */
  guidedGroupAnySize: boolean;
  /** People per slot, guides and leaders included; also a slot's capacity. */
  maxPerSlot: number | null;
  /** null = no options, pay at once. */
  holdingDays: number | null;
  /** School, extra-curricular and social groups may be booked online here. */
  specialVisits: boolean;
}

export interface BookingContact {
  department: string;
  email: string;
  phone: string | null;
}

export interface SlotSchedule {
  /** 'HH:mm', venue wall-clock time. */
  firstSlot: string;
  lastSlot: string;
  stepMinutes: number;
  /** luxon weekday, 1 = Monday … 7 = Sunday. */
  closedWeekdays: number[];
  /** 'MM-DD', every year. */
  closedDates: string[];
}

export interface Venue {
  id: string;
  name: string;
  city: string;
  /** IANA zone, e.g. 'Europe/Paris'; slot times are wall-clock times in this zone. */
  timeZone: string;
  /** One of the four venues whose timed group slots are sold online. */
  online: boolean;
  rules: BookingRules;
  contact: BookingContact;
  schedule: SlotSchedule | null;
}

export type ProductKind = 'visitor' | 'guide' | 'leader';

export interface Product {
  id: string;
  venueId: string;
  kind: ProductKind;
  label: { fr: string; en: string };
  priceCents: Cents;
}

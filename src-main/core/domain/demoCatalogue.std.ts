// The catalogue a fresh install shows before the first sync. The four online venues'
// rules are the FAQ's numbers; Carcassonne's rules were left open by the FAQ and are
// our choice (see `carcassonneRules`); opening hours are plausible, not official.
// Contacts follow the network's address pattern and are placeholders until the sync
// brings the real ones.
import type { WireVoucherMuseum } from '../../contract/centralApi.std.ts';
import type { BookingContact, BookingRules, Product, SlotSchedule, Venue } from './venues.std.ts';

const PARIS = 'Europe/Paris';
const PUBLIC_HOLIDAYS_CLOSED = ['01-01', '05-01', '12-25'];

function contact(slug: string, phone: string): BookingContact {
  return {
    department: 'Service des réservations groupes',
    email: `reservations.${slug}@monuments-nationaux.fr`,
    phone,
  };
}

function quarterHourGrid(firstSlot: string, lastSlot: string, closedDates = PUBLIC_HOLIDAYS_CLOSED): SlotSchedule {
  return { firstSlot, lastSlot, stepMinutes: 15, closedWeekdays: [], closedDates };
}

const onRequestRules: BookingRules = {
  slotMode: 'on-request',
  minGroupSize: null,
  guidedGroupAnySize: false,
  maxPerSlot: null,
  holdingDays: null,
  specialVisits: false,
};

/**
 * Open in the FAQ. Our choice: the network's usual minimum of 8; 50 per day-ticket because
 * a coach load is the unit groups arrive in; the Arc's shorter 30-day hold; special visits
 * stay Arc-only as the FAQ says.
 */
const carcassonneRules: BookingRules = {
  slotMode: 'dated',
  minGroupSize: 8,
  guidedGroupAnySize: false,
  maxPerSlot: 50,
  holdingDays: 30,
  specialVisits: false,
};

function onRequestVenue(id: string, name: string, city: string, phone: string): Venue {
  return { id, name, city, timeZone: PARIS, online: false, rules: onRequestRules, contact: contact(id, phone), schedule: null };
}

export const demoVenues: Venue[] = [
  {
    id: 'arc-de-triomphe',
    name: 'Arc de triomphe',
    city: 'Paris',
    timeZone: PARIS,
    online: true,
    rules: { slotMode: 'timed', minGroupSize: 7, guidedGroupAnySize: false, maxPerSlot: 35, holdingDays: 30, specialVisits: true },
    contact: contact('arc-de-triomphe', '+33 1 55 37 73 77'),
    schedule: quarterHourGrid('10:00', '21:45'),
  },
  {
    id: 'chateau-de-vincennes',
    name: 'Château de Vincennes',
    city: 'Vincennes',
    timeZone: PARIS,
    online: true,
    rules: { slotMode: 'timed', minGroupSize: 8, guidedGroupAnySize: false, maxPerSlot: 35, holdingDays: null, specialVisits: false },
    contact: contact('chateau-de-vincennes', '+33 1 48 08 31 20'),
    schedule: quarterHourGrid('10:00', '16:30', [...PUBLIC_HOLIDAYS_CLOSED, '11-01', '11-11']),
  },
  {
    id: 'conciergerie',
    name: 'Conciergerie',
    city: 'Paris',
    timeZone: PARIS,
    online: true,
    rules: { slotMode: 'timed', minGroupSize: 8, guidedGroupAnySize: true, maxPerSlot: 26, holdingDays: 60, specialVisits: false },
    contact: contact('conciergerie', '+33 1 53 40 60 80'),
    schedule: quarterHourGrid('09:30', '17:00'),
  },
  {
    id: 'sainte-chapelle',
    name: 'Sainte-Chapelle',
    city: 'Paris',
    timeZone: PARIS,
    online: true,
    rules: { slotMode: 'timed', minGroupSize: 8, guidedGroupAnySize: true, maxPerSlot: 26, holdingDays: 60, specialVisits: false },
    contact: contact('sainte-chapelle', '+33 1 53 40 60 81'),
    schedule: quarterHourGrid('09:00', '17:00'),
  },
  {
    id: 'carcassonne',
    name: 'Château et remparts de la cité de Carcassonne',
    city: 'Carcassonne',
    timeZone: PARIS,
    online: false,
    rules: carcassonneRules,
    contact: contact('carcassonne', '+33 4 68 11 70 70'),
    // A dated ticket is one "slot" per day, at opening time.
    schedule: { firstSlot: '10:00', lastSlot: '10:00', stepMinutes: 60, closedWeekdays: [], closedDates: PUBLIC_HOLIDAYS_CLOSED },
  },
  onRequestVenue('pantheon', 'Panthéon', 'Paris', '+33 1 44 32 18 04'),
  onRequestVenue('abbaye-du-mont-saint-michel', 'Abbaye du Mont-Saint-Michel', 'Le Mont-Saint-Michel', '+33 2 33 89 80 00'),
  onRequestVenue('villa-savoye', 'Villa Savoye', 'Poissy', '+33 1 39 65 01 06'),
  onRequestVenue('chateau-d-angers', "Château d'Angers", 'Angers', '+33 2 41 86 48 77'),
  onRequestVenue('abbaye-de-cluny', 'Abbaye de Cluny', 'Cluny', '+33 3 85 59 15 93'),
  onRequestVenue('chateau-d-azay-le-rideau', "Château d'Azay-le-Rideau", 'Azay-le-Rideau', '+33 2 47 45 42 04'),
  onRequestVenue('hotel-de-la-marine', 'Hôtel de la Marine', 'Paris', '+33 1 44 86 09 60'),
  onRequestVenue('tours-de-notre-dame-de-paris', 'Tours de Notre-Dame de Paris', 'Paris', '+33 1 53 10 07 00'),
];

const GROUP_SLOT_FR = 'Réservation obligatoire - Créneaux groupe adulte - ';
const GROUP_SLOT_EN = 'Booking required - Adult group slots - ';

/** Every venue selling group tickets online sells the same free companion tickets. */
function companionProducts(venueId: string): Product[] {
  return [
    {
      id: `${venueId}:guide`,
      venueId,
      kind: 'guide',
      label: {
        fr: 'Guide conférencier (carte de guide professionnel en cours de validité)',
        en: 'Tour guide (valid professional guide card)',
      },
      priceCents: 0,
    },
    { id: `${venueId}:leader`, venueId, kind: 'leader', label: { fr: 'Accompagnateur', en: 'Accompanying leader' }, priceCents: 0 },
  ];
}

function resellerProduct(venueId: string, label: { fr: string; en: string }, priceCents: number): Product {
  return { id: `${venueId}:visitor-reseller`, venueId, kind: 'visitor', label, priceCents };
}

export const demoProducts: Product[] = [
  resellerProduct('sainte-chapelle', {
    fr: `${GROUP_SLOT_FR}Billet jumelé Ste-Chapelle - Conciergerie : Tarif revendeur`,
    en: `${GROUP_SLOT_EN}Combined ticket Sainte-Chapelle - Conciergerie: Reseller rate`,
  }, 1700),
  ...companionProducts('sainte-chapelle'),
  resellerProduct('conciergerie', {
    fr: `${GROUP_SLOT_FR}Conciergerie : Tarif revendeur`,
    en: `${GROUP_SLOT_EN}Conciergerie: Reseller rate`,
  }, 1000),
  ...companionProducts('conciergerie'),
  resellerProduct('arc-de-triomphe', {
    fr: `${GROUP_SLOT_FR}Arc de triomphe : Tarif revendeur`,
    en: `${GROUP_SLOT_EN}Arc de triomphe: Reseller rate`,
  }, 1300),
  ...companionProducts('arc-de-triomphe'),
  resellerProduct('chateau-de-vincennes', {
    fr: `${GROUP_SLOT_FR}Château de Vincennes : Tarif revendeur`,
    en: `${GROUP_SLOT_EN}Château de Vincennes: Reseller rate`,
  }, 1050),
  ...companionProducts('chateau-de-vincennes'),
  resellerProduct('carcassonne', {
    fr: 'Billet daté groupe adulte - Château et remparts de la cité de Carcassonne : Tarif revendeur',
    en: 'Dated adult group ticket - Carcassonne castle and ramparts: Reseller rate',
  }, 1100),
  ...companionProducts('carcassonne'),
];

/**
 * The museums that sell vouchers in the demo (the seed's "Musée des Arts Décoratifs –
 * Contremarques" and "Musée Nissim de Camondo"). Prices and validity are plausible, not the
 * museums' own: the service reads them as catalogue data, never as constants.
 */
export const demoVoucherMuseums: WireVoucherMuseum[] = [
  {
    id: 'mad-contremarques',
    name: 'Musée des Arts Décoratifs – Contremarques',
    city: 'Paris',
    sortOrder: 0,
    howToUse: {
      fr: 'Présentez ce code à la caisse du Musée des Arts Décoratifs (107 rue de Rivoli) : il donne droit à un billet d’entrée gratuit.',
      en: 'Show this code at the Musée des Arts Décoratifs ticket desk (107 rue de Rivoli): it gives one free admission ticket.',
    },
    tariffs: [
      { id: 'mad-contremarques:plein', label: { fr: 'Contremarque plein tarif', en: 'Voucher, full price' }, priceCents: 1500, validityMonths: 12 },
      { id: 'mad-contremarques:reduit', label: { fr: 'Contremarque tarif réduit', en: 'Voucher, reduced price' }, priceCents: 1000, validityMonths: 12 },
    ],
  },
  {
    id: 'nissim-de-camondo',
    name: 'Musée Nissim de Camondo',
    city: 'Paris',
    sortOrder: 1,
    howToUse: {
      fr: 'Présentez ce code à la caisse du Musée Nissim de Camondo (63 rue de Monceau) : il donne droit à un billet d’entrée gratuit.',
      en: 'Show this code at the Musée Nissim de Camondo ticket desk (63 rue de Monceau): it gives one free admission ticket.',
    },
    tariffs: [
      { id: 'nissim-de-camondo:plein', label: { fr: 'Contremarque plein tarif', en: 'Voucher, full price' }, priceCents: 1400, validityMonths: 6 },
      { id: 'nissim-de-camondo:reduit', label: { fr: 'Contremarque tarif réduit', en: 'Voucher, reduced price' }, priceCents: 1100, validityMonths: 6 },
    ],
  },
];

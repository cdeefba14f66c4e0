// The words of a ticket bundle that receipts and e-mailed tickets do not use.
import type { PrintLanguage } from '../printText.std.ts';

export interface BundleWords {
  coverTitle: string;
  subGroup: (index: number, count: number) => string;
  office: string;
  dossier: string;
  companion: string;
  noCompanion: string;
  price: string;
  visit: string;
  headCount: string;
  people: (count: number) => string;
  ticketNumbers: string;
  groupCode: (people: number) => string;
  partialGroup: string;
  entry: string;
  guideEntry: string;
}

export const bundleWords: Record<PrintLanguage, BundleWords> = {
  fr: {
    coverTitle: 'Feuille de groupe',
    subGroup: (index, count) => `Sous-groupe ${index}/${count}`,
    office: 'Agence',
    dossier: 'Dossier',
    companion: 'Accompagnateur désigné',
    noCompanion: 'Aucun accompagnateur désigné',
    price: 'Tarif',
    visit: 'Visite',
    headCount: 'Effectif par tarif',
    people: (count) => `${count} personne${count > 1 ? 's' : ''}`,
    ticketNumbers: 'Billets du sous-groupe',
    groupCode: (people) => `Code de groupe\u00a0: un seul passage à l’entrée pour les ${people} personnes du sous-groupe.`,
    partialGroup: 'Ce lot ne contient qu’une partie des billets du sous-groupe\u00a0: le code de groupe n’y est pas imprimé.',
    entry: 'Entrée\u00a0: présentez ce billet, imprimé ou sur écran, à l’heure du créneau. Un billet par personne, une seule entrée.',
    guideEntry: 'Guide-conférencier\u00a0: présentez à l’entrée votre carte professionnelle en cours de validité.',
  },
  en: {
    coverTitle: 'Group sheet',
    subGroup: (index, count) => `Sub-group ${index}/${count}`,
    office: 'Office',
    dossier: 'Dossier',
    companion: 'Designated companion',
    noCompanion: 'No companion designated',
    price: 'Tariff',
    visit: 'Visit',
    headCount: 'Head-count by tariff',
    people: (count) => `${count} ${count === 1 ? 'person' : 'people'}`,
    ticketNumbers: 'Tickets of the sub-group',
    groupCode: (people) => `Group code: one scan at the entrance admits the ${people} people of the sub-group.`,
    partialGroup: 'This bundle holds only some of the sub-group’s tickets: the group code is not printed on it.',
    entry: 'Entry: show this ticket, printed or on screen, at the time of the slot. One ticket per person, single entry.',
    guideEntry: 'Tour guide: show your valid professional guide card at the entrance.',
  },
};

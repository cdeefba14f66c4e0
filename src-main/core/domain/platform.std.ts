// The seller printed at the top of every receipt. These are DEMO VALUES for a fictitious
// platform: the SIRET and VAT number are well-formed (Luhn and French VAT key check out, so
// a form validator accepts them) but belong to no one, and the address and e-mail domain are
// made up (.example is reserved). A real deployment replaces this whole object.
export const PLATFORM = {
  name: 'Guichet — billetterie groupes (démo)',
  addressLines: ['8 rue des Billets', '75004 Paris', 'France'],
  siret: '912 345 675 00009',
  vatNumber: 'FR65912345675',
  customerServiceEmail: 'service-client@guichet.example',
} as const;

export type PlatformDetails = typeof PLATFORM;

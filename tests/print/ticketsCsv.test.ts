// The CSV of ticket numbers as a spreadsheet reads it: quotes where a field holds the
// separator, a quote or a line break, and never a formula from what someone typed.
import { describe, expect, it } from 'vitest';
import { CSV_BOM, ticketsCsv, type CsvTicket } from '../../src-main/core/print/ticketsCsv.std.ts';

const ticket: CsvTicket = {
  number: '10000000066', qr: 'GCH1.eyJuIjoiMSJ9.c2ln', venueName: 'Sainte-Chapelle', timeZone: 'Europe/Paris',
  label: { fr: 'Billet : Tarif revendeur', en: 'Ticket: Reseller rate' }, slotStartsAt: '2025-03-18T12:15:00.000Z',
  validUntil: '2025-03-18T13:15:00.000Z', holder: null, orderNumber: 'GCH-2025-000001',
};

describe('ticketsCsv', () => {
  it('writes the slot in the venue\'s time, and an undated ticket with its validity only', () => {
    const csv = ticketsCsv([ticket, { ...ticket, number: '10000000074', slotStartsAt: null, validUntil: '2028-01-10T09:31:12.000Z' }], 'en');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Ticket number;Signed code;Monument;Date;Time;Product;Holder;Order;Valid until',
      '10000000066;GCH1.eyJuIjoiMSJ9.c2ln;Sainte-Chapelle;18/03/2025;13:15;Ticket: Reseller rate;;GCH-2025-000001;18/03/2025',
      '10000000074;GCH1.eyJuIjoiMSJ9.c2ln;Sainte-Chapelle;;;Ticket: Reseller rate;;GCH-2025-000001;10/01/2028',
      '',
    ]);
  });

  it('quotes a holder with a semicolon, a quote or a line break, and writes a formula as text', () => {
    const lines = ticketsCsv([
      { ...ticket, holder: 'Durand; Léa' },
      { ...ticket, holder: 'Léa "la guide"\nDurand' },
      { ...ticket, holder: '=HYPERLINK("http://example.org")' },
      { ...ticket, holder: '-2+3' },
    ], 'fr').slice(1).split('\r\n');
    expect(lines[1]).toContain(';"Durand; Léa";');
    expect(lines[2]).toContain(';"Léa ""la guide""\nDurand";');
    expect(lines.join('\r\n')).toContain(';"\'=HYPERLINK(""http://example.org"")";');
    expect(lines.join('\r\n')).toContain(';\'-2+3;');
  });
});

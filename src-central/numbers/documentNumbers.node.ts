// The numbers printed on receipts and tickets, drawn from PostgreSQL sequences so that every
// API process in front of the database draws distinct ones. A sequence never rolls back, so a
// failed checkout leaves a gap in the numbering; receipts stay unique, which is what counts.
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { rowsOf, type Tx } from '../store/database.node.ts';
import { withLuhnCheckDigit } from './luhn.node.ts';

/** The platform's own zone: an order paid at 00:30 on 1 January in Paris is of the new year. */
const PLATFORM_ZONE = 'Europe/Paris';

/** "GCH-2026-000042": the year of the order in Paris, then the sequence on six digits (more past a million). */
export async function nextOrderNumber(tx: Tx, at: Date): Promise<string> {
  const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('order_numbers') AS n`));
  return orderNumber(row!.n, at);
}

/** The order number of a value drawn from the `order_numbers` sequence. */
export function orderNumber(drawn: string | number, at: Date): string {
  const year = DateTime.fromJSDate(at, { zone: PLATFORM_ZONE }).year;
  return `GCH-${year}-${String(drawn).padStart(6, '0')}`;
}

/** `count` ticket numbers: ten digits from the sequence and a Luhn check digit. */
export async function nextTicketNumbers(tx: Tx, count: number): Promise<string[]> {
  if (count === 0) return [];
  const rows = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('ticket_numbers') AS n FROM generate_series(1, ${count})`));
  return rows.map((r) => ticketNumber(r.n));
}

/** The ticket number of a value drawn from the `ticket_numbers` sequence. */
export function ticketNumber(drawn: string | number): string {
  return withLuhnCheckDigit(String(drawn));
}

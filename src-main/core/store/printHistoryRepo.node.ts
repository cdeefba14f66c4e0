// Which tickets left the app, when, how and from which workstation: local state (ARCHITECTURE.md,
// "The local store"), kept beside the mirror and never sent to the central service.
import { inArray, max, sql } from 'drizzle-orm';
import type { PrintSummary } from '../../contract/printSchemas.std.ts';
import type { StoreDb } from './openStore.node.ts';
import { printEvents, printedTickets } from './schema.node.ts';

export interface PrintEvent {
  at: string;
  how: 'file' | 'opened' | 'printer' | 'csv';
  printer?: string | null;
  copies?: number;
  workstation: string;
}

export function recordPrint(db: StoreDb, event: PrintEvent, tickets: { id: string; orderId: string }[]): void {
  db.transaction((tx) => {
    const { id } = tx.insert(printEvents).values({ ...event, printer: event.printer ?? null, copies: event.copies ?? 1 })
      .returning({ id: printEvents.id }).get();
    for (const ticket of tickets) tx.insert(printedTickets).values({ eventId: id, ticketId: ticket.id, orderId: ticket.orderId }).run();
  });
}

function summaries(db: StoreDb, column: typeof printedTickets.ticketId | typeof printedTickets.orderId, ids: string[]): Map<string, PrintSummary> {
  const result = new Map<string, PrintSummary>();
  if (ids.length === 0) return result;
  const counts = db.select({ key: column, events: sql<number>`count(distinct ${printedTickets.eventId})`, last: max(printedTickets.eventId) })
    .from(printedTickets).where(inArray(column, ids)).groupBy(column).all();
  const lastIds = counts.map((c) => c.last!);
  const events = new Map(db.select().from(printEvents).where(inArray(printEvents.id, lastIds)).all().map((e) => [e.id, e]));
  for (const { key, events: n, last } of counts) {
    const event = events.get(last!)!;
    result.set(key, { count: n, lastAt: event.at, lastHow: event.how, lastWorkstation: event.workstation, lastPrinter: event.printer });
  }
  return result;
}

export const ticketPrintSummaries = (db: StoreDb, ticketIds: string[]) => summaries(db, printedTickets.ticketId, ticketIds);
export const orderPrintSummaries = (db: StoreDb, orderIds: string[]) => summaries(db, printedTickets.orderId, orderIds);

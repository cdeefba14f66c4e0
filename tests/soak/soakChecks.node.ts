// What must hold once a soak has quiesced, read from the service's PostgreSQL and from every
// desk's SQLite file: each a list of problems, empty when it holds.
import pg from 'pg';
import { syncState } from '../../src-main/core/sync/syncState.node.ts';
import type { TempCore } from '../support/tempCore.node.ts';

export interface SoakFindings {
  /** An office's local options, orders, tickets or slots differ from the service's. */
  mirrors: string[];
  /** A placement lost (neither on the service nor refused on the desk), or a mutation applied twice. */
  lostOrTwice: string[];
  /** held ≠ its active options, sold ≠ its paid ones, or more than the capacity. */
  seats: string[];
  /** A paid booking without one ticket per person. */
  tickets: string[];
  /** What was checked, to print beside the findings. */
  counted: { offices: number; options: number; refusedByService: number; orders: number; tickets: number; slots: number };
}

const key = (row: Record<string, unknown>) => JSON.stringify(row);

/** Differences between two row lists, each row named by `what`. */
function differences(what: string, server: Record<string, unknown>[], local: Record<string, unknown>[]): string[] {
  const onServer = new Set(server.map(key));
  const onDesk = new Set(local.map(key));
  return [
    ...[...onServer].filter((row) => !onDesk.has(row)).map((row) => `${what}: on the service, not on the desk: ${row}`),
    ...[...onDesk].filter((row) => !onServer.has(row)).map((row) => `${what}: on the desk, not on the service: ${row}`),
  ];
}

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));

async function checkOffice(db: pg.Client, desk: TempCore, findings: SoakFindings): Promise<void> {
  const status = await desk.dispatch('account.status', {});
  if (!status.ok) throw new Error(status.error.message);
  const officeId = (status.value as { office: { id: string } }).office.id;
  const local = desk.store.sqlite;

  const serverOptions = (await db.query('SELECT id, state, slot_id, head_count FROM options WHERE office_id = $1', [officeId])).rows;
  const deskOptions = (local.prepare("SELECT id, state, slot_id, composition FROM options WHERE state <> 'rejected'").all() as { id: string; state: string; slot_id: string; composition: string }[])
    .map((o) => {
      const c = JSON.parse(o.composition) as { visitors: number; guides: number; leaders: number };
      return { id: o.id, state: o.state, slot_id: o.slot_id, head_count: c.visitors + c.guides + c.leaders };
    });
  findings.mirrors.push(...differences(`office ${officeId} option`, serverOptions.sort(byId), deskOptions.sort(byId)));
  findings.counted.options += serverOptions.length;

  const serverOrders = (await db.query('SELECT id, state FROM orders WHERE office_id = $1', [officeId])).rows;
  const deskOrders = local.prepare('SELECT id, state FROM orders').all() as Record<string, unknown>[];
  findings.mirrors.push(...differences(`office ${officeId} order`, serverOrders, deskOrders));
  findings.counted.orders += serverOrders.length;

  const serverTickets = (await db.query('SELECT t.id, t.state FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.office_id = $1', [officeId])).rows;
  const deskTickets = local.prepare('SELECT id, state FROM tickets').all() as Record<string, unknown>[];
  findings.mirrors.push(...differences(`office ${officeId} ticket`, serverTickets, deskTickets));
  findings.counted.tickets += serverTickets.length;

  // Every placement the desk made is on the service once, or refused on the desk with its reason.
  const refused = local.prepare("SELECT id FROM options WHERE state = 'rejected' AND rejection IS NOT NULL").all() as { id: string }[];
  findings.counted.refusedByService += refused.length;
  const stranded = local.prepare("SELECT id, state FROM options WHERE state = 'pending'").all() as { id: string }[];
  findings.lostOrTwice.push(...stranded.map((o) => `office ${officeId}: option ${o.id} still pending after quiescing`));
  const refusedOnServer = refused.length === 0 ? [] : (await db.query('SELECT id FROM options WHERE id = ANY($1)', [refused.map((o) => o.id)])).rows;
  findings.lostOrTwice.push(...refusedOnServer.map((o: { id: string }) => `option ${o.id} refused on the desk, yet on the service`));
  const outbox = local.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
  if (outbox.n > 0) findings.lostOrTwice.push(`office ${officeId}: ${outbox.n} changes never sent`);

  // Exactly one stored result per mutation id the service moved past: none applied twice, none skipped.
  const clientId = syncState.clientId(desk.store.db);
  const { rows: [client] } = await db.query(
    'SELECT c.last_mutation_id, count(r.mutation_id)::int AS results, count(DISTINCT r.mutation_id)::int AS distinct_results FROM clients c LEFT JOIN mutation_results r ON r.client_id = c.client_id WHERE c.client_id = $1 GROUP BY c.last_mutation_id',
    [clientId]);
  if (client && (client.results !== client.last_mutation_id || client.distinct_results !== client.results)) {
    findings.lostOrTwice.push(`client ${clientId}: last mutation ${client.last_mutation_id}, ${client.results} results (${client.distinct_results} distinct)`);
  }

  const slotIds = [...new Set(serverOptions.map((o: { slot_id: string }) => o.slot_id))];
  const serverSlots = slotIds.length === 0 ? [] : (await db.query('SELECT id, capacity - held - sold AS remaining, status FROM slots WHERE id = ANY($1)', [slotIds])).rows;
  const deskSlots = slotIds.length === 0 ? [] : local.prepare(`SELECT id, remaining, status FROM server_slots WHERE id IN (${slotIds.map(() => '?').join(',')})`).all(...slotIds) as Record<string, unknown>[];
  findings.mirrors.push(...differences(`office ${officeId} slot`, serverSlots, deskSlots));
}

export async function checkSoak(databaseUrl: string, desks: TempCore[]): Promise<SoakFindings> {
  const findings: SoakFindings = { mirrors: [], lostOrTwice: [], seats: [], tickets: [], counted: { offices: desks.length, options: 0, refusedByService: 0, orders: 0, tickets: 0, slots: 0 } };
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (const desk of desks) await checkOffice(db, desk, findings);

    const { rows: seats } = await db.query(`
      SELECT s.id, s.capacity, s.held, s.sold,
        coalesce(sum(o.head_count) FILTER (WHERE o.state = 'active'), 0)::int AS active,
        coalesce(sum(o.head_count) FILTER (WHERE o.state = 'confirmed'), 0)::int AS paid
      FROM slots s JOIN options o ON o.slot_id = s.id GROUP BY s.id`);
    findings.counted.slots = seats.length;
    for (const s of seats) {
      if (s.held !== s.active || s.sold !== s.paid || s.held + s.sold > s.capacity) {
        findings.seats.push(`slot ${s.id}: held ${s.held} (active options ${s.active}), sold ${s.sold} (paid ${s.paid}), capacity ${s.capacity}`);
      }
    }

    const { rows: paid } = await db.query(`
      SELECT o.id, o.head_count, count(t.id)::int AS tickets FROM options o LEFT JOIN tickets t ON t.option_id = o.id
      WHERE o.order_id IS NOT NULL GROUP BY o.id`);
    for (const booking of paid) {
      if (booking.tickets !== booking.head_count) findings.tickets.push(`paid option ${booking.id}: ${booking.head_count} people, ${booking.tickets} tickets`);
    }
  } finally {
    await db.end();
  }
  return findings;
}

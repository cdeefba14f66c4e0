// One page of pull: every row written since the client's last snapshot, in (version, entity,
// id) order, read in one REPEATABLE READ snapshot together with the client's lastMutationId
// and its stored results, so the page, the counter and the results agree with each other.
// A pull that needs several pages walks the rows visible in the snapshot of its first page;
// what commits meanwhile follows, in the same page when there is room, else in the next.
import { and, asc, eq, gt, gte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  MutationResult, PatchOp, PullRequestSchema, PullResponse, WireProductSchema, WireSlotSchema, WireVenueSchema, WireVoucherMuseum,
} from '../../src-main/contract/centralApi.std.ts';
import { findOffice } from '../accounts/authenticate.node.ts';
import type { CentralContext } from '../context.node.ts';
import { rowsOf, type Tx } from '../store/database.node.ts';
import {
  clients, closedDays, companions, contacts, dossiers, groupCodes, mutationResults, options, orders, products, slots, tickets, venueRequests, venues,
  voucherMuseums, vouchers,
} from '../store/schema.node.ts';
import { HttpError } from '../http/httpError.node.ts';
import { compareKeys, decodeCookie, encodeCookie, type Entity, type PullCookie, type PullKey, type Scope, type Walk } from './pullCookie.node.ts';
import { currentSnapshot, visibleIn, writtenAfter } from './pullSnapshot.node.ts';
import { pullEpoch } from '../store/pullEpoch.node.ts';
import {
  wireCompanion, wireContact, wireDossier, wireGroupCode, wireOption, wireOrder, wireTicket, wireVenueRequest, wireVoucher,
} from './wireRows.node.ts';

type PullRequest = z.infer<typeof PullRequestSchema>;
type WireVenue = z.infer<typeof WireVenueSchema>;
type WireProduct = z.infer<typeof WireProductSchema>;
type WireSlot = z.infer<typeof WireSlotSchema>;
type Keyed = PullKey & { op: PatchOp };
type VersionedTable =
  | typeof venues | typeof products | typeof slots | typeof closedDays | typeof options | typeof companions
  | typeof contacts | typeof dossiers | typeof orders | typeof tickets | typeof groupCodes | typeof venueRequests | typeof voucherMuseums | typeof vouchers;

/** A client never waits on a huge backlog of results: it asks again above the last one it got. */
const MAX_RESULTS = 1_000;

/** Rows of one table after `key` in page order: the entity name decides how the version compares. */
function after(table: VersionedTable, entity: Entity, key: PullKey | null): SQL | undefined {
  if (!key) return undefined;
  if (entity > key.entity) return gte(table.version, key.version);
  if (entity < key.entity) return gt(table.version, key.version);
  return sql`(${table.version}, ${table.id}) > (${key.version}, ${key.id})`;
}

function inWalk(table: VersionedTable, entity: Entity, walk: Walk): SQL | undefined {
  return and(after(table, entity, walk.key), walk.base ? writtenAfter(table.version, walk.base) : undefined, visibleIn(table.version, walk.upTo));
}

function pageOrder(table: VersionedTable) {
  return [asc(table.version), asc(table.id)];
}

/**
 * The slots of a page as one JSON array built by the database, in the wire's shape (wireSlot's):
 * a first pull is tens of thousands of slots, and decoding them column by column was most of
 * the embedded service's time on a first launch (PGlite decodes every field in JavaScript).
 */
async function slotPage(tx: Tx, walk: Walk, limit: number): Promise<{ id: string; version: number; slot: WireSlot }[]> {
  const [row] = rowsOf<{ page: { id: string; version: number; slot: WireSlot }[] }>(await tx.execute(sql`
    SELECT coalesce(json_agg(json_build_object('id', s.id, 'version', s.version, 'slot', json_build_object(
      'id', s.id, 'venueId', s.venue_id, 'startsAt', to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'localDate', s.local_date, 'localTime', s.local_time, 'capacity', s.capacity, 'remaining', s.capacity - s.held - s.sold, 'status', s.status
    )) ORDER BY s.version, s.id), '[]'::json) AS page
    FROM (SELECT * FROM ${slots} WHERE ${inWalk(slots, 'slot', walk) ?? sql`true`} ORDER BY ${slots.version}, ${slots.id} LIMIT ${limit + 1}) s`));
  return row!.page;
}

/** Up to limit + 1 rows of each table after `key` (the extra row tells whether more remain), merged in page order. */
async function readEntities(tx: Tx, officeId: string, scope: Scope, walk: Walk, limit: number): Promise<Keyed[]> {
  const found: Keyed[] = [];
  const add = (entity: Entity, r: { id: string; version: number }, op: PatchOp) => found.push({ version: r.version, entity, id: r.id, op });

  for (const r of await tx.select().from(venues).where(inWalk(venues, 'venue', walk)).orderBy(...pageOrder(venues)).limit(limit + 1)) {
    add('venue', r, { op: 'put', entity: 'venue', id: r.id, value: r.data as WireVenue });
  }
  // An office awaiting validation sees what it will be able to buy, as it sees the venues.
  for (const r of await tx.select().from(voucherMuseums).where(inWalk(voucherMuseums, 'voucherMuseum', walk)).orderBy(...pageOrder(voucherMuseums)).limit(limit + 1)) {
    add('voucherMuseum', r, { op: 'put', entity: 'voucherMuseum', id: r.id, value: r.data as WireVoucherMuseum });
  }
  if (scope === 'catalogue') {
    for (const r of await tx.select().from(products).where(inWalk(products, 'product', walk)).orderBy(...pageOrder(products)).limit(limit + 1)) {
      add('product', r, { op: 'put', entity: 'product', id: r.id, value: r.data as WireProduct });
    }
    for (const r of await slotPage(tx, walk, limit)) add('slot', r, { op: 'put', entity: 'slot', id: r.id, value: r.slot });
    for (const r of await tx.select().from(closedDays).where(inWalk(closedDays, 'closedDay', walk)).orderBy(...pageOrder(closedDays)).limit(limit + 1)) {
      add('closedDay', r, { op: 'put', entity: 'closedDay', id: r.id, value: { venueId: r.venueId, localDate: r.localDate } });
    }
  }
  const ownOptions = and(inWalk(options, 'option', walk), eq(options.officeId, officeId));
  for (const r of await tx.select().from(options).where(ownOptions).orderBy(...pageOrder(options)).limit(limit + 1)) {
    add('option', r, { op: 'put', entity: 'option', id: r.id, value: wireOption(r) });
  }
  // Deleted ones too: every workstation of the office must drop them.
  const ownCompanions = and(inWalk(companions, 'companion', walk), eq(companions.officeId, officeId));
  for (const r of await tx.select().from(companions).where(ownCompanions).orderBy(...pageOrder(companions)).limit(limit + 1)) {
    add('companion', r, r.deleted
      ? { op: 'del', entity: 'companion', id: r.id }
      : { op: 'put', entity: 'companion', id: r.id, value: wireCompanion(r) });
  }
  const ownContacts = and(inWalk(contacts, 'contact', walk), eq(contacts.officeId, officeId));
  for (const r of await tx.select().from(contacts).where(ownContacts).orderBy(...pageOrder(contacts)).limit(limit + 1)) {
    add('contact', r, { op: 'put', entity: 'contact', id: r.id, value: wireContact(r) });
  }
  const ownDossiers = and(inWalk(dossiers, 'dossier', walk), eq(dossiers.officeId, officeId));
  for (const r of await tx.select().from(dossiers).where(ownDossiers).orderBy(...pageOrder(dossiers)).limit(limit + 1)) {
    add('dossier', r, { op: 'put', entity: 'dossier', id: r.id, value: wireDossier(r) });
  }
  const ownOrders = and(inWalk(orders, 'order', walk), eq(orders.officeId, officeId));
  for (const r of await tx.select().from(orders).where(ownOrders).orderBy(...pageOrder(orders)).limit(limit + 1)) {
    add('order', r, { op: 'put', entity: 'order', id: r.id, value: wireOrder(r) });
  }
  const ownTickets = and(inWalk(tickets, 'ticket', walk), eq(tickets.officeId, officeId));
  for (const r of await tx.select().from(tickets).where(ownTickets).orderBy(...pageOrder(tickets)).limit(limit + 1)) {
    add('ticket', r, { op: 'put', entity: 'ticket', id: r.id, value: wireTicket(r) });
  }
  const ownGroupCodes = and(inWalk(groupCodes, 'groupCode', walk), eq(groupCodes.officeId, officeId));
  for (const r of await tx.select().from(groupCodes).where(ownGroupCodes).orderBy(...pageOrder(groupCodes)).limit(limit + 1)) {
    add('groupCode', r, { op: 'put', entity: 'groupCode', id: r.id, value: wireGroupCode(r) });
  }
  const ownRequests = and(inWalk(venueRequests, 'venueRequest', walk), eq(venueRequests.officeId, officeId));
  for (const r of await tx.select().from(venueRequests).where(ownRequests).orderBy(...pageOrder(venueRequests)).limit(limit + 1)) {
    add('venueRequest', r, { op: 'put', entity: 'venueRequest', id: r.id, value: wireVenueRequest(r) });
  }
  const ownVouchers = and(inWalk(vouchers, 'voucher', walk), eq(vouchers.officeId, officeId));
  for (const r of await tx.select().from(vouchers).where(ownVouchers).orderBy(...pageOrder(vouchers)).limit(limit + 1)) {
    add('voucher', r, { op: 'put', entity: 'voucher', id: r.id, value: wireVoucher(r) });
  }
  return found.sort(compareKeys);
}

/** The walks a page goes through: the one a page stopped in, then everything since. */
function walksFrom(cookie: PullCookie | null, now: Walk['upTo']): Walk[] {
  if (!cookie) return [{ base: null, upTo: now, key: null }];
  if (!cookie.walk) return [{ base: cookie.base, upTo: now, key: null }];
  return [{ base: cookie.base, upTo: cookie.walk.upTo, key: cookie.walk.key }, { base: cookie.walk.upTo, upTo: now, key: null }];
}

export async function pullPage(ctx: CentralContext, officeId: string, req: PullRequest): Promise<PullResponse> {
  const cookie = decodeCookie(req.cookie);
  return ctx.db.transaction(async (tx) => {
    const snapshot = await currentSnapshot(tx);
    const { epoch, templateEpoch } = await pullEpoch(tx);
    const office = await findOffice(tx, officeId);
    const [client] = await tx.select().from(clients).where(eq(clients.clientId, req.clientId));
    if (client && client.officeId !== officeId) throw new HttpError(403, 'UNAUTHORIZED', 'This client id belongs to another office.');
    const scope: Scope = office.status === 'validated' ? 'catalogue' : 'venues';
    // Validated since its last pull: the office has never received slots, so it starts over.
    // Another epoch: its snapshot is of a database this one was restored from.
    // The template's epoch: a desk's mirror made with it, of this cluster as it was then.
    const start = cookie && cookie.scope === scope && (cookie.epoch === epoch || cookie.epoch === templateEpoch) ? cookie : null;

    const page: Keyed[] = [];
    let next: PullCookie = { epoch, scope, base: snapshot, walk: null };
    for (const walk of walksFrom(start, snapshot)) {
      const room = req.limit - page.length;
      const rows = await readEntities(tx, officeId, scope, walk, room);
      const taken = rows.slice(0, room);
      page.push(...taken);
      if (rows.length > room) {
        const last = taken.at(-1);
        const key = last ? { version: last.version, entity: last.entity, id: last.id } : walk.key;
        next = { epoch, scope, base: walk.base, walk: { upTo: walk.upTo, key } };
        break;
      }
    }
    const results = await tx.select({ result: mutationResults.result }).from(mutationResults)
      .where(and(eq(mutationResults.clientId, req.clientId), gt(mutationResults.mutationId, req.resultsAfter)))
      .orderBy(asc(mutationResults.mutationId)).limit(MAX_RESULTS);
    return {
      cookie: encodeCookie(next),
      patch: page.map((r) => r.op),
      lastMutationId: client?.lastMutationId ?? 0,
      results: results.map((r) => r.result as MutationResult),
      hasMore: next.walk !== null,
      serverTime: ctx.now().toISOString(),
    };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

// Writes what the central service sent into the local store: pulled pages (all pages of a
// pull in ONE transaction with the final cookie, so an interrupted pull changes nothing)
// and mutation results (rejections are kept on the option for the user to act on; changes
// refused as malformed beside the outbox, see refusedChanges).
import { and, eq, inArray } from 'drizzle-orm';
import type { MutationResult, PatchOp, PullResponse } from '../../contract/centralApi.std.ts';
import type { Store } from '../store/openStore.node.ts';
import { options, outbox } from '../store/schema.node.ts';
import { putGroupCode, putOrder, putTicket } from '../store/ordersRepo.node.ts';
import { writeSetting } from '../store/settingsRepo.node.ts';
import { keepRefusedChange } from '../store/refusedChangesRepo.node.ts';
import { putVenueRequest } from '../store/venueRequestsRepo.node.ts';
import { putVoucher, putVoucherMuseum } from '../store/vouchersRepo.node.ts';
import { applyLocally } from './localMutators.node.ts';
import { dropAcknowledged, pendingMutations } from './outbox.node.ts';
import { isRefusedAsMalformed, rollBackRefusals } from './refusedChanges.node.ts';

const TABLE_OF = {
  venue: 'server_venues',
  product: 'server_products',
  slot: 'server_slots',
  closedDay: 'server_closed_days',
  option: 'options',
  companion: 'companions',
  contact: 'contacts',
  order: 'orders',
  ticket: 'tickets',
  groupCode: 'group_codes',
  venueRequest: 'venue_requests',
  voucherMuseum: 'server_voucher_museums',
  voucher: 'vouchers',
  dossier: 'dossiers',
} as const;

export type PulledEntity = PatchOp['entity'];

function statements(store: Store) {
  const { sqlite } = store;
  return {
    venue: sqlite.prepare(`INSERT OR REPLACE INTO server_venues (id, name, city, time_zone, online, rules, contact, schedule, sort_order)
      VALUES (@id, @name, @city, @timeZone, @online, @rules, @contact, @schedule, @sortOrder)`),
    product: sqlite.prepare(`INSERT OR REPLACE INTO server_products (id, venue_id, kind, label_fr, label_en, price_cents)
      VALUES (@id, @venueId, @kind, @labelFr, @labelEn, @priceCents)`),
    slot: sqlite.prepare(`INSERT OR REPLACE INTO server_slots (id, venue_id, starts_at, local_date, local_time, capacity, remaining, status)
      VALUES (@id, @venueId, @startsAt, @localDate, @localTime, @capacity, @remaining, @status)`),
    closedDay: sqlite.prepare('INSERT OR IGNORE INTO server_closed_days (venue_id, local_date) VALUES (@venueId, @localDate)'),
    option: sqlite.prepare(`INSERT INTO options (id, venue_id, slot_id, starts_at, composition, total_cents, state, expires_at, group_booking_id, dossier_id, rejection, created_at, updated_at)
      VALUES (@id, @venueId, @slotId, @startsAt, @composition, @totalCents, @state, @expiresAt, @groupBookingId, @dossierId, NULL, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at, total_cents = excluded.total_cents,
        composition = excluded.composition, slot_id = excluded.slot_id, starts_at = excluded.starts_at, dossier_id = excluded.dossier_id,
        rejection = NULL, updated_at = excluded.updated_at`),
    companion: sqlite.prepare(`INSERT OR REPLACE INTO companions (id, kind, surname, first_name, email, phone, placeholder, updated_at)
      VALUES (@id, @kind, @surname, @firstName, @email, @phone, @placeholder, @updatedAt)`),
    contact: sqlite.prepare(`INSERT OR REPLACE INTO contacts (id, surname, first_name, email, updated_at)
      VALUES (@id, @surname, @firstName, @email, @updatedAt)`),
    dossier: sqlite.prepare(`INSERT OR REPLACE INTO dossiers (id, name, client_reference, contact_name, contact_email, contact_phone,
        expected_people, travel_from, travel_to, notes, updated_at)
      VALUES (@id, @name, @clientReference, @contactName, @contactEmail, @contactPhone, @expectedPeople, @travelFrom, @travelTo, @notes, @updatedAt)`),
  };
}

function applyOp(store: Store, prepared: ReturnType<typeof statements>, op: PatchOp): void {
  if (op.op === 'del') {
    if (op.entity === 'closedDay') {
      // The central service names a closed day `${venueId}:${localDate}`.
      const cut = op.id.lastIndexOf(':');
      const [venueId, localDate] = [op.id.slice(0, cut), op.id.slice(cut + 1)];
      store.sqlite.prepare('DELETE FROM server_closed_days WHERE venue_id = ? AND local_date = ?').run(venueId, localDate);
    } else {
      store.sqlite.prepare(`DELETE FROM ${TABLE_OF[op.entity]} WHERE id = ?`).run(op.id);
    }
    return;
  }
  switch (op.entity) {
    case 'venue': {
      const v = op.value;
      prepared.venue.run({ ...v, online: v.online ? 1 : 0, rules: JSON.stringify(v.rules), contact: JSON.stringify(v.contact), schedule: JSON.stringify(v.schedule) });
      return;
    }
    case 'product': {
      const p = op.value;
      prepared.product.run({ id: p.id, venueId: p.venueId, kind: p.kind, labelFr: p.label.fr, labelEn: p.label.en, priceCents: p.priceCents });
      return;
    }
    case 'slot':
      prepared.slot.run(op.value);
      return;
    case 'closedDay':
      prepared.closedDay.run(op.value);
      return;
    case 'option': {
      const o = op.value;
      prepared.option.run({ ...o, composition: JSON.stringify(o.composition) });
      return;
    }
    case 'companion':
      prepared.companion.run({ ...op.value, placeholder: op.value.placeholder ? 1 : 0 });
      return;
    case 'contact':
      prepared.contact.run(op.value);
      return;
    case 'dossier':
      prepared.dossier.run(op.value);
      return;
    case 'order':
      putOrder(store.db, op.value);
      return;
    case 'ticket':
      putTicket(store.db, op.value);
      return;
    case 'groupCode':
      putGroupCode(store.db, op.value);
      return;
    case 'venueRequest':
      putVenueRequest(store.db, op.value);
      return;
    case 'voucherMuseum':
      putVoucherMuseum(store.db, op.value);
      return;
    case 'voucher':
      putVoucher(store.db, op.value);
      return;
  }
}

/** Records the outcome of mutations on the options they concern. Call inside a transaction. */
export function applyResults(store: Store, results: MutationResult[], nowIso: string): void {
  if (results.length === 0) return;
  const { db } = store;
  const rows = db.select().from(outbox).where(inArray(outbox.mutationId, results.map((r) => r.mutationId))).all();
  const prepared = statements(store);
  for (const result of results) {
    const row = rows.find((r) => r.mutationId === result.mutationId);
    if (result.status === 'applied' && result.option) {
      applyOp(store, prepared, { op: 'put', entity: 'option', id: result.option.id, value: result.option });
    } else if (result.status === 'rejected' && row?.name === 'option.resize') {
      // The option keeps its seats; the refusal is shown beside it until the next change.
      const { optionId } = row.args as { optionId: string };
      db.update(options)
        .set({ rejection: { code: result.code, message: result.message, alternatives: result.alternatives ?? [], violations: result.violations ?? [], change: 'resize' } })
        .where(eq(options.id, optionId))
        .run();
    } else if (result.status === 'rejected' && row?.name === 'option.place') {
      const { optionId } = row.args as { optionId: string };
      // Cancelled here before the service saw it: the option never existed, and there is
      // nothing left to act on; a refusal shown beside it would only ask the agent to.
      db.delete(options).where(and(eq(options.id, optionId), eq(options.state, 'cancelled'))).run();
      db.update(options)
        .set({
          state: 'rejected',
          rejection: { code: result.code, message: result.message, alternatives: result.alternatives ?? [], violations: result.violations ?? [] },
          updatedAt: nowIso,
        })
        .where(and(eq(options.id, optionId), eq(options.state, 'pending')))
        .run();
    } else if (isRefusedAsMalformed(result, row)) {
      keepRefusedChange(db, row, result, nowIso);
    }
  }
}

/** After the server's truth is written, the changes it has not seen yet are replayed on top. */
function acknowledgeAndReplay(store: Store, lastMutationId: number, nowIso: string) {
  dropAcknowledged(store.db, lastMutationId);
  for (const mutation of pendingMutations(store.db)) applyLocally(store.db, mutation, nowIso);
}

export function applyPush(store: Store, lastMutationId: number, results: MutationResult[], nowIso: string): void {
  store.sqlite.transaction(() => {
    applyResults(store, results, nowIso);
    acknowledgeAndReplay(store, lastMutationId, nowIso);
  })();
}

/** Returns the kinds of entity the pull changed, so only the screens showing them re-read. */
export function applyPull(store: Store, pages: PullResponse[], localNow: Date): Set<PulledEntity> {
  const touched = new Set<PulledEntity>();
  const last = pages[pages.length - 1];
  if (!last) return touched;
  const nowIso = localNow.toISOString();
  store.sqlite.transaction(() => {
    // Pages come in version order, not in the order the tables refer to each other
    // (a slot may arrive before its venue): foreign keys are checked at commit instead.
    store.sqlite.pragma('defer_foreign_keys = ON');
    // Results are older than the patch (an option placed, then expired): results first.
    applyResults(store, pages.flatMap((p) => p.results), nowIso);
    for (const entity of rollBackRefusals(store.db)) touched.add(entity);
    const prepared = statements(store);
    for (const page of pages) {
      for (const op of page.patch) {
        applyOp(store, prepared, op);
        touched.add(op.entity);
      }
    }
    acknowledgeAndReplay(store, last.lastMutationId, nowIso);
    writeSetting(store.db, 'sync.cookie', last.cookie);
    writeSetting(store.db, 'sync.lastSyncAt', last.serverTime);
    writeSetting(store.db, 'sync.serverOffsetMs', Date.parse(last.serverTime) - localNow.getTime());
  })();
  return touched;
}

// The optimistic local effect of each mutation. Run once when the user acts, and again
// after every pull for mutations the server has not acknowledged yet (the server's state
// replaces the mirror, then the pending intentions are replayed on top of it).
import { and, eq, inArray, or } from 'drizzle-orm';
import type { NewMutation } from '../../contract/centralApi.std.ts';
import type { StoreDb } from '../store/openStore.node.ts';
import { companions, contacts, dossiers, options } from '../store/schema.node.ts';
import { findSlot } from '../store/slotsRepo.node.ts';
import { groupProductsOf } from '../store/catalogueRepo.node.ts';
import { priceGroup } from '../domain/pricing.std.ts';
import { putVenueRequestForward } from '../store/venueRequestsRepo.node.ts';

export function applyLocally(db: StoreDb, mutation: NewMutation, nowIso: string): void {
  switch (mutation.name) {
    case 'option.place': {
      const { optionId, slotId, composition, groupBookingId, dossierId } = mutation.args;
      const slot = findSlot(db, slotId);
      if (!slot) return;
      const products = groupProductsOf(db, slot.venueId);
      const totalCents = products ? priceGroup(composition, products).totalCents : 0;
      db.insert(options).values({
        id: optionId,
        venueId: slot.venueId,
        slotId,
        startsAt: slot.startsAt,
        composition,
        totalCents,
        state: 'pending',
        expiresAt: null,
        groupBookingId: groupBookingId ?? null,
        dossierId: dossierId ?? null,
        rejection: null,
        createdAt: nowIso,
        updatedAt: nowIso,
      }).onConflictDoNothing().run();
      return;
    }
    case 'option.resize':
      // Not applied optimistically: until the server has taken (or refused) the extra seats,
      // the option keeps the seats it holds; the list shows the change as pending.
      return;
    case 'companion.save': {
      const { companionId, ...fields } = mutation.args;
      db.insert(companions).values({ id: companionId, ...fields, updatedAt: nowIso })
        .onConflictDoUpdate({ target: companions.id, set: { ...fields, updatedAt: nowIso } }).run();
      return;
    }
    case 'contact.save': {
      const { contactId, ...fields } = mutation.args;
      db.insert(contacts).values({ id: contactId, ...fields, updatedAt: nowIso })
        .onConflictDoUpdate({ target: contacts.id, set: { ...fields, updatedAt: nowIso } }).run();
      return;
    }
    case 'dossier.save': {
      const { dossierId, ...fields } = mutation.args;
      db.insert(dossiers).values({ id: dossierId, ...fields, updatedAt: nowIso })
        .onConflictDoUpdate({ target: dossiers.id, set: { ...fields, updatedAt: nowIso } }).run();
      return;
    }
    case 'option.moveToDossier': {
      // As the service does: a split group's sub-groups move together.
      const moved = db.select({ groupBookingId: options.groupBookingId }).from(options).where(eq(options.id, mutation.args.optionId)).get();
      if (!moved) return;
      const together = moved.groupBookingId
        ? or(eq(options.id, mutation.args.optionId), eq(options.groupBookingId, moved.groupBookingId))
        : eq(options.id, mutation.args.optionId);
      db.update(options).set({ dossierId: mutation.args.dossierId, updatedAt: nowIso }).where(together).run();
      return;
    }
    case 'venueRequest.save': {
      const { requestId, ...fields } = mutation.args;
      putVenueRequestForward(db, { id: requestId, ...fields });
      return;
    }
    case 'companion.delete':
      db.delete(companions).where(eq(companions.id, mutation.args.companionId)).run();
      return;
    case 'option.cancel':
      db.update(options)
        .set({ state: 'cancelled', updatedAt: nowIso })
        .where(and(eq(options.id, mutation.args.optionId), inArray(options.state, ['pending', 'active'])))
        .run();
      return;
  }
}


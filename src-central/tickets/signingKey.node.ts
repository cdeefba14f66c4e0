// The key that signs ticket QR codes lives in the database, so every API process signs with
// the same one and a restart keeps the tickets already printed valid. The first process to
// start on an empty database creates it; any other starting at the same time adopts that one.
import { createTicketSigner, generateSigningKey, type TicketSigner } from './ticketSignature.node.ts';
import type { Db } from '../store/database.node.ts';
import { signingKey } from '../store/schema.node.ts';

export type { TicketSigner };

export async function loadTicketSigner(db: Db, now: Date): Promise<TicketSigner> {
  const [stored] = await db.select().from(signingKey);
  if (stored) return createTicketSigner(stored.privateKeyPem);
  const fresh = generateSigningKey();
  await db.insert(signingKey).values({ id: 1, ...fresh, createdAt: now }).onConflictDoNothing();
  const [kept] = await db.select().from(signingKey);
  return createTicketSigner(kept!.privateKeyPem);
}

// The keys of ticket and group codes. A configured key (environment or key file) signs and
// never enters the database. With none configured (the demo), the service makes one and keeps
// it in the database, so every API process signs with the same key and a restart keeps the
// codes already printed valid; the first process to start on an empty database makes it and
// any other starting at the same time adopts that one. Either way, every key a printed code
// may name is published with its id (GET /tickets/public-key).
import { and, desc, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { createTicketSigner, generateSigningKey, trustedKeys, type TicketSigner } from './ticketSignature.node.ts';
import type { Db } from '../store/database.node.ts';
import { ticketKeys } from '../store/schema.node.ts';
import type { TicketKeyPems } from '../keys/keySet.node.ts';

export interface VerifyingKey {
  keyId: string;
  publicKeyPem: string;
  status: 'current' | 'retired';
}

export interface TicketKeys extends TicketSigner {
  /** Every key a valid code may be signed with: the one signing now first, then the retired ones. */
  verifying: VerifyingKey[];
}

/** Two processes starting on one empty database make one key between them. */
const TICKET_KEY_LOCK = 4_870_003;

export async function loadTicketKeys(db: Db, configured: TicketKeyPems | undefined, now: Date): Promise<TicketKeys> {
  const { signer, kept } = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${TICKET_KEY_LOCK})`);
    const keptKeys = () => tx.select({ publicKeyPem: ticketKeys.publicKeyPem }).from(ticketKeys).orderBy(desc(ticketKeys.createdAt));
    if (configured) {
      // The configured key takes over: one made here before only verifies what it signed, and its private half leaves the database.
      await tx.update(ticketKeys).set({ privateKeyPem: null, retiredAt: sql`coalesce(${ticketKeys.retiredAt}, ${now})` })
        .where(or(isNotNull(ticketKeys.privateKeyPem), isNull(ticketKeys.retiredAt)));
      return { signer: createTicketSigner(configured.currentPem), kept: await keptKeys() };
    }
    const signing = and(isNotNull(ticketKeys.privateKeyPem), isNull(ticketKeys.retiredAt));
    let [current] = await tx.select({ privateKeyPem: ticketKeys.privateKeyPem }).from(ticketKeys).where(signing);
    if (!current) {
      const fresh = generateSigningKey();
      await tx.insert(ticketKeys).values({ ...fresh, createdAt: now });
      current = fresh;
    }
    return { signer: createTicketSigner(current.privateKeyPem!), kept: await keptKeys() };
  });
  const verifying: VerifyingKey[] = [{ keyId: signer.keyId, publicKeyPem: signer.publicKeyPem, status: 'current' }];
  for (const [keyId, publicKey] of trustedKeys([...(configured?.retiredPems ?? []), ...kept.map((k) => k.publicKeyPem)])) {
    if (!verifying.some((k) => k.keyId === keyId)) verifying.push({ keyId, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), status: 'retired' });
  }
  return { ...signer, verifying };
}

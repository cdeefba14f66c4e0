// The pull epoch (schema.node.ts): checked at every start, before any request is served.
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Queryable } from './database.node.ts';
import { pullEpoch as pullEpochTable } from './schema.node.ts';
import { CURRENT_VERSION, versionedTables } from './versions.node.ts';

export async function pullEpoch(db: Queryable): Promise<{ epoch: string; templateEpoch: string | null }> {
  const [row] = await db.select({ epoch: pullEpochTable.epoch, templateEpoch: pullEpochTable.templateEpoch }).from(pullEpochTable).where(eq(pullEpochTable.id, 1));
  return row!;
}

/**
 * A database unpacked from the demo template starts an epoch of its own (no two installations
 * share one), and still knows the template's: the cookie of a desk's mirror made with it.
 */
export async function adoptTemplateEpoch(db: Db): Promise<void> {
  await db.execute(sql`UPDATE pull_epoch SET template_epoch = epoch, epoch = gen_random_uuid() WHERE id = 1`);
}

/**
 * Transaction ids lower than at the last start: this database was restored into another
 * cluster. Rows stamped with the old cluster's ids would look written in the future, and no
 * client's snapshot means anything here: the rows are stamped as old as can be and a new epoch
 * makes every client pull everything again.
 */
export async function checkPullEpoch(db: Db): Promise<'same' | 'renewed'> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO pull_epoch (id) VALUES (1) ON CONFLICT DO NOTHING`);
    const [row] = rowsOf<{ seen: string | number; now: string | number }>(await tx.execute(
      sql`SELECT seen_xid AS seen, ${CURRENT_VERSION} AS now FROM pull_epoch WHERE id = 1 FOR UPDATE`));
    const restored = Number(row!.now) < Number(row!.seen);
    if (restored) {
      for (const table of Object.values(versionedTables)) await tx.update(table).set({ version: 0 });
    }
    await tx.execute(sql`UPDATE pull_epoch SET seen_xid = ${CURRENT_VERSION}${restored ? sql`, epoch = gen_random_uuid(), template_epoch = NULL` : sql``} WHERE id = 1`);
    return restored ? 'renewed' : 'same';
  });
}

// The disk fills up while the agent saves: the change is refused whole with a sentence that
// says so, the store keeps its previous state, and the same save works once space is back.
// On a real small filesystem (tmpfs with a size limit), which needs root to mount.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, tempDir, type TempCore } from '../support/tempCore.node.ts';

const mountPoint = tempDir('guichet-small-disk-');
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
if (!canMount) console.warn(`[diskFull.test] skipped: mounting a small tmpfs needs root on Linux (uid ${process.getuid?.()})`);

/** Takes every free block left on the filesystem. */
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  const small = Buffer.alloc(512, 1);
  try {
    for (;;) fs.writeSync(fd, small);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

const companion = (surname: string) => ({ kind: 'guide', surname, firstName: 'Lola', email: null, phone: null, placeholder: false });

describe.skipIf(!canMount)('a full disk', () => {
  let desk: TempCore;
  beforeAll(async () => {
    const dataDir = path.join(mountPoint, 'Guichet');
    fs.mkdirSync(dataDir);
    desk = await tempCore(undefined, { dataDir });
  });
  afterAll(async () => {
    await desk?.close();
    if (canMount) execFileSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  it('refuses the save whole, says so, keeps the store as it was, and saves once space is back', async () => {
    expect(await desk.dispatch('companions.save', companion('AVANT'))).toMatchObject({ ok: true });
    const before = await desk.dispatch('companions.list', {});
    const pendingBefore = await desk.dispatch('sync.status', {});
    // Every page the WAL had is given back, so the next write needs new blocks.
    desk.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const filler = path.join(mountPoint, 'filler');
    fillDisk(filler);

    const refused = await desk.dispatch('companions.save', companion('PLEIN'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL', details: { dataDir: desk.dataDir } } });
    expect(await desk.dispatch('companions.list', {})).toEqual(before);
    expect(await desk.dispatch('sync.status', {})).toEqual(pendingBefore);
    expect(desk.store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');

    fs.rmSync(filler);
    const saved = await desk.dispatch('companions.save', companion('PLEIN'));
    expect(saved).toMatchObject({ ok: true });
    const after = await desk.dispatch('companions.list', {}) as { ok: true; value: { surname: string }[] };
    expect(after.value.map((c) => c.surname).sort()).toEqual(['AVANT', 'PLEIN']);
  });
});

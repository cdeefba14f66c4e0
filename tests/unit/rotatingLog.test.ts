import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRotatingLog, type RotatingLog } from '../../src-main/core/logs/rotatingLog.node.ts';
import { tempDir } from '../support/tempCore.node.ts';

const at = () => new Date('2026-03-02T09:15:00.000Z');
/** Each entry is exactly 50 bytes on disk: "2026-03-02T09:15:00.000Z INFO entry 0000 …\n". */
const entry = (n: number) => `entry ${String(n).padStart(4, '0')} ${'x'.repeat(8)}`;
const LINE_BYTES = 50;

describe('the rotating log file', () => {
  let dir: string;
  let log: RotatingLog | undefined;
  afterEach(() => {
    log?.close();
    log = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes one line per entry: time, level, message and fields as JSON', () => {
    dir = tempDir();
    log = createRotatingLog({ dir, now: at });
    log.write('info', 'Guichet starting', { version: '0.1.0' });
    log.write('error', 'first line\nsecond line', { error: new Error('disk on fire') });
    log.write('warn', 'no fields');
    const lines = fs.readFileSync(path.join(dir, 'guichet.log'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('2026-03-02T09:15:00.000Z INFO Guichet starting {"version":"0.1.0"}');
    expect(lines[1]).toMatch(/^2026-03-02T09:15:00\.000Z ERROR first line\\nsecond line \{"error":\{"name":"Error","message":"disk on fire","stack":"Error: disk on fire\\n/);
    expect(lines[2]).toBe('2026-03-02T09:15:00.000Z WARN no fields');
    expect(log.file).toBe(path.join(dir, 'guichet.log'));
  });

  it('sets the file aside at the size limit, keeping `keep` older files and dropping the oldest', () => {
    dir = tempDir();
    log = createRotatingLog({ dir, now: at, maxBytes: 4 * LINE_BYTES, keep: 3 });
    for (let n = 0; n < 4; n += 1) log.write('info', entry(n));
    expect(fs.readdirSync(dir)).toEqual(['guichet.log']);
    expect(fs.statSync(log.file).size).toBe(4 * LINE_BYTES);
    log.write('info', entry(4));
    expect(fs.readdirSync(dir).sort()).toEqual(['guichet.1.log', 'guichet.log']);
    for (let n = 5; n < 20; n += 1) log.write('info', entry(n));
    // 20 entries, 4 to a file: the live file and three set aside hold the newest 16.
    expect(fs.readdirSync(dir).sort()).toEqual(['guichet.1.log', 'guichet.2.log', 'guichet.3.log', 'guichet.log']);
    const firstOf = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n')[0];
    expect(firstOf('guichet.3.log')).toContain(entry(4));
    expect(firstOf('guichet.1.log')).toContain(entry(12));
    expect(firstOf('guichet.log')).toContain(entry(16));
    for (const file of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(4 * LINE_BYTES);
  });

  it('goes on from the existing file after a restart', () => {
    dir = tempDir();
    log = createRotatingLog({ dir, now: at, maxBytes: 4 * LINE_BYTES });
    for (let n = 0; n < 3; n += 1) log.write('info', entry(n));
    log.close();
    log = createRotatingLog({ dir, now: at, maxBytes: 4 * LINE_BYTES });
    log.write('info', entry(3));
    log.write('info', entry(4));
    expect(fs.readFileSync(path.join(dir, 'guichet.1.log'), 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });

  it('tails the newest whole lines, across the boundary with the file set aside', () => {
    dir = tempDir();
    log = createRotatingLog({ dir, now: at, maxBytes: 4 * LINE_BYTES, keep: 2 });
    for (let n = 0; n < 6; n += 1) log.write('info', entry(n));
    // Live file: entries 4 and 5; guichet.1.log: 0 to 3. Three and a half lines' worth of bytes
    // reach back into guichet.1.log and stop in the middle of entry 2, which is left out.
    const tail = log.tail(3.5 * LINE_BYTES);
    expect(tail.trimEnd().split('\n').map((line) => line.slice(30, 40))).toEqual([entry(3), entry(4), entry(5)].map((e) => e.slice(0, 10)));
    expect(log.tail(100 * LINE_BYTES).trimEnd().split('\n')).toHaveLength(6);
    expect(log.tail(LINE_BYTES - 1)).toBe('');
  });

  it('never throws when the disk refuses: it counts what it dropped and says so once it can write again', () => {
    dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    log = createRotatingLog({ dir: path.join(blocker, 'logs'), now: at });
    expect(() => log!.write('error', 'lost')).not.toThrow();
    log.write('info', 'lost too');
    expect(log.dropped).toBe(2);
    expect(log.tail(1000)).toBe('');

    fs.rmSync(blocker);
    log.write('info', 'back');
    expect(log.dropped).toBe(2);
    expect(log.tail(1000).trimEnd().split('\n')).toEqual([
      '2026-03-02T09:15:00.000Z WARN log entries were lost: the disk refused them {"count":2}',
      '2026-03-02T09:15:00.000Z INFO back',
    ]);
  });

  it.runIf(fs.existsSync('/dev/full'))('drops entries on a full disk, then reports how many were lost', () => {
    dir = tempDir();
    log = createRotatingLog({ dir: '/dev', fileName: 'full', now: at });
    log.write('info', 'no room');
    log.write('info', 'still no room');
    expect(log.dropped).toBe(2);
  });
});

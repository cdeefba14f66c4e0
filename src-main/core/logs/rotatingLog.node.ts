// The desk's log file, which an IT department reads when something went wrong: one line per
// entry, and a bounded amount of disk (the live file plus `keep` older ones, each up to maxBytes).
// Logging is never a reason for the app to fail: an entry the disk refuses is counted and dropped.
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface RotatingLogOptions {
  dir: string;
  fileName?: string;
  /** The size past which the live file is set aside and a new one begun. */
  maxBytes?: number;
  /** How many set-aside files are kept (guichet.1.log the newest); older ones are deleted. */
  keep?: number;
  now?: () => Date;
}

export interface RotatingLog {
  /** The live file's path. */
  readonly file: string;
  write(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** The newest whole lines, at most maxBytes of them, read across the set-aside files when the live one is short. */
  tail(maxBytes: number): string;
  /** Entries lost because the disk refused them. */
  readonly dropped: number;
  close(): void;
}

export function createRotatingLog({ dir, fileName = 'guichet.log', maxBytes = 1_000_000, keep = 5, now = () => new Date() }: RotatingLogOptions): RotatingLog {
  const file = path.join(dir, fileName);
  const { name, ext } = path.parse(fileName);
  const setAside = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  // Newest first: the live file, then guichet.1.log, guichet.2.log…
  const generations = () => [file, ...Array.from({ length: keep }, (_, i) => setAside(i + 1))];
  let fd: number | null = null;
  let size = 0;
  let dropped = 0;
  let unreported = 0;
  let closed = false;

  const openLive = (): number => {
    if (fd === null) {
      fs.mkdirSync(dir, { recursive: true });
      fd = fs.openSync(file, 'a');
      size = fs.fstatSync(fd).size;
    }
    return fd;
  };

  const closeLive = () => {
    if (fd === null) return;
    const open = fd;
    fd = null;
    fs.closeSync(open);
  };

  const rotate = () => {
    closeLive();
    fs.rmSync(setAside(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      if (fs.existsSync(setAside(n))) fs.renameSync(setAside(n), setAside(n + 1));
    }
    if (keep > 0) fs.renameSync(file, setAside(1));
    else fs.rmSync(file, { force: true });
  };

  const append = (line: string) => {
    const bytes = Buffer.byteLength(line);
    openLive();
    if (size > 0 && size + bytes > maxBytes) {
      try {
        rotate();
      } catch {
        // A file held open elsewhere (an antivirus, a viewer on Windows) cannot be renamed:
        // the entry goes on the end of the live file, and rotation is tried again next time.
      }
    }
    const live = openLive();
    size += fs.writeSync(live, line);
  };

  return {
    file,
    get dropped() {
      return dropped;
    },
    write(level, message, fields) {
      if (closed) return;
      try {
        if (unreported > 0) {
          append(formatLine(now(), 'warn', 'log entries were lost: the disk refused them', { count: unreported }));
          unreported = 0;
        }
        append(formatLine(now(), level, message, fields));
      } catch {
        dropped += 1;
        unreported += 1;
        try {
          closeLive();
        } catch {
          // The descriptor is gone either way; the next entry opens the file afresh.
        }
      }
    },
    tail(maxBytes) {
      return tailOf(generations(), maxBytes);
    },
    close() {
      closed = true;
      try {
        closeLive();
      } catch {
        // Nothing is left to lose.
      }
    },
  };
}

function formatLine(time: Date, level: LogLevel, message: string, fields?: Record<string, unknown>): string {
  // An entry is one line whatever it holds, so that the file reads and greps line by line.
  const text = message.replace(/\r?\n/g, '\\n');
  const details = fields && Object.keys(fields).length > 0 ? ` ${serialize(fields)}` : '';
  return `${time.toISOString()} ${level.toUpperCase()} ${text}${details}\n`;
}

function serialize(fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields, (_key, value: unknown) => {
      if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
      if (typeof value === 'bigint') return value.toString();
      return value;
    });
  } catch {
    // A circular structure: the entry still says something happened.
    return JSON.stringify({ unserializable: Object.keys(fields) });
  }
}

/** Reads backwards through the files, newest first, and drops the partial line where it stopped. */
function tailOf(files: string[], maxBytes: number): string {
  const chunks: Buffer[] = [];
  let remaining = maxBytes;
  let cut = false;
  for (const file of files) {
    if (remaining <= 0) break;
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      continue;
    }
    const taken = content.subarray(Math.max(0, content.length - remaining));
    chunks.unshift(taken);
    remaining -= taken.length;
    if (taken.length < content.length) {
      cut = true;
      break;
    }
  }
  const joined = Buffer.concat(chunks);
  if (!cut) return joined.toString('utf8');
  const firstNewline = joined.indexOf(0x0a);
  return firstNewline === -1 ? '' : joined.subarray(firstNewline + 1).toString('utf8');
}

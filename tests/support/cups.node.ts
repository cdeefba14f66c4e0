// A throw-away CUPS scheduler for the printing tests: Debian's cupsd in the foreground with its
// own configuration and folders in a temp folder, on a free loopback port, independent of any
// system CUPS. Behind each of its printers runs an ippeveprinter (CUPS's IPP Everywhere printer
// in a process) that keeps every document it is sent with the job's IPP attributes, so a test
// reads what the "paper" received: the document's bytes, the copies and the title. Each
// ippeveprinter needs a D-Bus to start (for Avahi, even with DNS-SD off): they share a private
// one, never the system's. Works as root (filters then run as lp) and as any other user.
//
// The printers are IPP Everywhere queues (lpadmin -m everywhere; raw queues are deprecated)
// on printers that take PDF only, so CUPS sends them the PDF after its pdftopdf filter, and
// leaves the copies to the printer: a job of 2 copies arrives once, with copies=2.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { deadPort as freePort } from './smtpInbox.node.ts';

export interface ReceivedJob {
  /** The CUPS printer (queue) the job went through. */
  printer: string;
  /** The job's name, as the printer got it (CUPS's -t). */
  title: string;
  copies: number;
  /** MIME type of the document the printer got (CUPS may convert what it was given). */
  format: string;
  document: Buffer;
}

export interface AddPrinterOptions {
  /** What lpstat shows as its description (printer-info); the name when absent. */
  description?: string;
  /** Make it the scheduler's default destination. */
  isDefault?: boolean;
}

export interface TempCups {
  /** host:port of the scheduler, for CUPS_SERVER. */
  server: string;
  /** An environment where CUPS tools see none of this machine's client settings (lpoptions defaults, client.conf). */
  clientEnv: NodeJS.ProcessEnv;
  /** Adds an enabled printer accepting jobs, and resolves once CUPS has read its capabilities. */
  addPrinter(name: string, options?: AddPrinterOptions): Promise<void>;
  /** cupsdisable: the printer keeps the jobs it is given without printing them. */
  pause(name: string): Promise<void>;
  resume(name: string): Promise<void>;
  /** cupsreject: the printer refuses new jobs. */
  reject(name: string): Promise<void>;
  remove(name: string): Promise<void>;
  /** Every job the printers have received so far. */
  received(): Promise<ReceivedJob[]>;
  /** Resolves with the first job received under `title`, waiting for it if it has not come yet. */
  jobTitled(title: string, timeoutMs?: number): Promise<ReceivedJob>;
  /** Resolves once the scheduler has no job left to send. */
  drained(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const SBIN = ['/usr/sbin', '/sbin', '/usr/local/sbin'];
const TOOLS = {
  cupsd: 'cups-daemon',
  lpadmin: 'cups-client',
  lpstat: 'cups-client',
  lp: 'cups-client',
  cupsenable: 'cups-client',
  cupsdisable: 'cups-client',
  cupsreject: 'cups-client',
  ippeveprinter: 'cups-ipp-utils',
  // ippeveprinter will not start without a D-Bus for Avahi, even with DNS-SD off: it gets a private bus.
  'dbus-daemon': 'dbus-daemon',
} as const;
type Tool = keyof typeof TOOLS;

const which = (tool: string) =>
  [...(process.env.PATH ?? '').split(path.delimiter), ...SBIN].filter(Boolean).map((dir) => path.join(dir, tool)).find((file) => fs.existsSync(file));

/** Why the scheduler cannot start here, or null when it can. */
export function cupsMissing(): string | null {
  for (const [tool, pkg] of Object.entries(TOOLS)) {
    if (!which(tool)) return `${tool} not found: install Debian's "${pkg}" package (apt-get install cups cups-client cups-ipp-utils dbus-daemon).`;
  }
  return null;
}

const STARTUP_MS = 60_000;

/** Polls `probe` until it gives a value, for at most `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = STARTUP_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** A started process, its output kept to explain a failure. */
interface Daemon { child: ChildProcess; output: () => string; exited: Promise<void> }

function daemon(tool: Tool, args: string[], env: NodeJS.ProcessEnv): Daemon {
  const child = spawn(which(tool)!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => (output += String(error)));
  return { child, output: () => output, exited };
}

const hasExited = (d: Daemon) => d.child.exitCode !== null || d.child.signalCode !== null;

async function terminate(d: Daemon): Promise<void> {
  if (hasExited(d)) return;
  d.child.kill('SIGTERM');
  const killed = setTimeout(() => d.child.kill('SIGKILL'), 20_000);
  await d.exited;
  clearTimeout(killed);
}

function accepts(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(undefined));
  });
}

/** Waits for `ready`, failing at once with the daemon's output if it dies first. */
async function started<T>(what: string, d: Daemon, ready: () => Promise<T | undefined> | T | undefined): Promise<T> {
  return waitFor(what, () => {
    if (hasExited(d)) throw new Error(`${what} failed to start:\n${d.output()}`);
    return ready();
  });
}

function writeConfig(dir: string, port: number): { cupsdConf: string; filesConf: string } {
  const sub = (name: string) => path.join(dir, name);
  for (const name of ['root', 'spool', 'cache', 'state', 'log', 'home']) fs.mkdirSync(sub(name));
  // Filters run as lp when cupsd is root: the folder must let them through and the temp dir take their files.
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(sub('tmp'), { mode: 0o1777 });
  fs.chmodSync(sub('tmp'), 0o1777);
  const filesConf = sub('cups-files.conf');
  fs.writeFileSync(filesConf, [
    `ServerRoot ${sub('root')}`, `RequestRoot ${sub('spool')}`, `TempDir ${sub('tmp')}`,
    `CacheDir ${sub('cache')}`, `StateDir ${sub('state')}`, `Printcap ${sub('state/printcap')}`,
    `AccessLog ${sub('log/access_log')}`, `ErrorLog ${sub('log/error_log')}`, `PageLog ${sub('log/page_log')}`,
  ].join('\n') + '\n');
  const cupsdConf = sub('cupsd.conf');
  // Loopback only, no sharing or discovery, and every operation allowed from this machine without authentication.
  fs.writeFileSync(cupsdConf, `LogLevel info
Listen 127.0.0.1:${port}
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow from 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order allow,deny
    Allow from 127.0.0.1
  </Limit>
</Policy>
DefaultPolicy default
`);
  return { cupsdConf, filesConf };
}

async function startBus(dir: string): Promise<{ bus: Daemon; address: string }> {
  const config = path.join(dir, 'dbus.conf');
  fs.writeFileSync(config, `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${path.join(dir, 'dbus.socket')}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*"/><allow receive_sender="*"/><allow own="*"/></policy>
</busconfig>
`);
  const bus = daemon('dbus-daemon', ['--nofork', '--print-address', `--config-file=${config}`], process.env);
  const address = await started('dbus-daemon', bus, () => /^(unix:\S+)\n/m.exec(bus.output())?.[1]);
  return { bus, address };
}

/** The program ippeveprinter runs for each document: keeps it, with the job's IPP attributes, as one JSON file. */
function recorder(dir: string, receivedDir: string): string {
  const file = path.join(dir, 'record-job.cjs');
  fs.writeFileSync(file, `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const attributes = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('IPP_') || key === 'CONTENT_TYPE'));
const job = { attributes, document: fs.readFileSync(process.argv[2]).toString('base64') };
const target = path.join(${JSON.stringify(receivedDir)}, 'job-' + process.env.IPP_JOB_ID + '.json');
fs.writeFileSync(target + '.part', JSON.stringify(job));
fs.renameSync(target + '.part', target);
`, { mode: 0o755 });
  return file;
}

function readReceived(receivedRoot: string): ReceivedJob[] {
  if (!fs.existsSync(receivedRoot)) return [];
  return fs.readdirSync(receivedRoot).sort().flatMap((printer) => {
    const dir = path.join(receivedRoot, printer);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    return files.sort((a, b) => parseInt(a.slice(4), 10) - parseInt(b.slice(4), 10)).map((f) => {
      const job = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { attributes: Record<string, string>; document: string };
      return {
        printer,
        title: job.attributes.IPP_JOB_NAME ?? '',
        copies: Number(job.attributes.IPP_COPIES ?? 1),
        format: job.attributes.CONTENT_TYPE ?? '',
        document: Buffer.from(job.document, 'base64'),
      };
    });
  });
}

export async function startCups(): Promise<TempCups> {
  const missing = cupsMissing();
  if (missing) throw new Error(missing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-cups-'));
  const server = `127.0.0.1:${await freePort()}`;
  const { cupsdConf, filesConf } = writeConfig(dir, Number(server.split(':')[1]));
  const clientEnv: NodeJS.ProcessEnv = { ...process.env, HOME: path.join(dir, 'home'), CUPS_SERVERROOT: path.join(dir, 'root') };
  for (const name of ['CUPS_SERVER', 'LPDEST', 'PRINTER']) delete clientEnv[name];
  const toolEnv = { ...clientEnv, CUPS_SERVER: server, LC_ALL: 'C', LANG: 'C' };
  const tool = (name: Tool, args: string[]) => run(which(name)!, args, toolEnv);
  const errorLog = path.join(dir, 'log/error_log');
  const readLog = () => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
  const printers = new Map<string, Daemon>();
  const daemons: Daemon[] = [];
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(daemons.map(terminate));
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };

  try {
    const { bus, address } = await startBus(dir);
    daemons.push(bus);
    // Nothing of the test process's environment, so the scheduler runs the same under any runner.
    const cupsd = daemon('cupsd', ['-f', '-c', cupsdConf, '-s', filesConf], { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C' });
    daemons.push(cupsd);
    await started('cupsd', cupsd, async () => ((await tool('lpstat', ['-r'])).trim() === 'scheduler is running' ? true : undefined))
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${readLog()}`);
      });
    const receivedRoot = path.join(dir, 'received');
    // A scheduler that died (Debian's 2.4.2 segfaults on some jobs) fails the wait at once, with its log.
    const schedulerAlive = () => {
      if (hasExited(cupsd)) throw new Error(`cupsd died (${cupsd.child.signalCode ?? cupsd.child.exitCode}):\n${readLog().slice(-4000)}`);
    };

    const startPrinter = async (name: string): Promise<number> => {
      const port = await freePort();
      const home = path.join(dir, 'printers', name);
      const received = path.join(receivedRoot, name);
      fs.mkdirSync(path.join(home, 'spool'), { recursive: true });
      fs.mkdirSync(received, { recursive: true });
      const args = ['-p', String(port), '-r', 'off', '-f', 'application/pdf', '-d', path.join(home, 'spool'), '-c', recorder(home, received), name];
      const printer = daemon('ippeveprinter', args, { ...clientEnv, DBUS_SYSTEM_BUS_ADDRESS: address });
      daemons.push(printer);
      printers.set(name, printer);
      await started(`ippeveprinter for ${name}`, printer, () => accepts(port));
      return port;
    };

    return {
      server,
      clientEnv,
      async addPrinter(name, options = {}) {
        const port = await startPrinter(name);
        const logFrom = readLog().length;
        await tool('lpadmin', ['-p', name, '-E', '-v', `ipp://127.0.0.1:${port}/ipp/print`, '-m', 'everywhere', ...(options.description ? ['-D', options.description] : [])]);
        // cupsd asks the printer for its capabilities after lpadmin returns; a job sent before would print without them.
        await waitFor(`CUPS to set up ${name}`, () => {
          const log = readLog().slice(logFrom);
          if (log.includes(`Printer "${name}" is now available.`)) return true;
          if (log.includes(`${name}: Unable to`)) throw new Error(`CUPS could not set up ${name}:\n${log}`);
          return undefined;
        });
        if (options.isDefault) await tool('lpadmin', ['-d', name]);
      },
      pause: async (name) => void (await tool('cupsdisable', [name])),
      resume: async (name) => void (await tool('cupsenable', [name])),
      reject: async (name) => void (await tool('cupsreject', [name])),
      async remove(name) {
        await tool('lpadmin', ['-x', name]);
        const printer = printers.get(name);
        printers.delete(name);
        if (printer) await terminate(printer);
      },
      received: async () => readReceived(receivedRoot),
      jobTitled: (title, timeoutMs = 60_000) =>
        waitFor(`a job titled "${title}"`, () => {
          schedulerAlive();
          return readReceived(receivedRoot).find((job) => job.title === title);
        }, timeoutMs),
      async drained(timeoutMs = 60_000) {
        await waitFor('the scheduler to send every job', async () => {
          schedulerAlive();
          return (await tool('lpstat', ['-o'])).trim() === '' ? true : undefined;
        }, timeoutMs);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

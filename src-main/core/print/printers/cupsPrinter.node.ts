// Printing through CUPS, as Linux and macOS both do, with its own command-line tools: lpstat
// to see the printers, lp to hand over a job. Printer and file names come from users, so the
// tools are run directly (execFile), never through a shell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import {
  checkCopies, PrinterError, printerNotFound, printerRefused, readyPrinter,
  type PrinterInfo, type PrinterPort, type PrintJobAccepted, type PrintRequest,
} from './printerPort.std.ts';

export interface CupsPrinterOptions {
  /** host:port of the CUPS scheduler (CUPS_SERVER); the system's own when absent. */
  server?: string;
  /** The environment the CUPS tools run in; this process's when absent. */
  env?: NodeJS.ProcessEnv;
}

// A scheduler that takes the connection and never answers must not hang the print button.
const TOOL_TIMEOUT_MS = 60_000;
const SCHEDULER_DOWN = /scheduler is not running|unable to connect|connection refused/i;

interface ToolRun { ok: boolean; stdout: string; stderr: string }
type Tool = (command: 'lp' | 'lpstat', args: string[], printer?: string, input?: Readable) => Promise<ToolRun>;

const unavailable = (why: string, printer?: string) =>
  new PrinterError('PRINTING_UNAVAILABLE', `Printing is not available on this computer: ${why}`, printer);

const schedulerDown = (printer?: string) =>
  unavailable('the printing service (CUPS) is not running. Start it, or restart the computer, then print again.', printer);

/** Runs a CUPS tool, `input` on its stdin; resolves with its output whatever its exit status, rejects only when it could not run or answer. */
function toolRunner(options: CupsPrinterOptions): Tool {
  // The output is parsed: it must be CUPS's English whatever the agent's language.
  const env = { ...(options.env ?? process.env), LC_ALL: 'C', LANG: 'C', ...(options.server ? { CUPS_SERVER: options.server } : {}) };
  return (command, args, printer, input) => new Promise((resolve, reject) => {
    const child = execFile(command, args, { env, timeout: TOOL_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      input?.destroy();
      if (typeof error?.code === 'string') {
        reject(unavailable(`the CUPS printing tools could not be run (${command}: ${error.code}). Install CUPS, then print again.`, printer));
      } else if (error?.killed) {
        reject(unavailable(`the printing service (CUPS) did not answer within ${TOOL_TIMEOUT_MS / 1000} seconds. Restart it, then print again.`, printer));
      } else {
        resolve({ ok: !error, stdout, stderr: stderr.trim() });
      }
    });
    // lp stops reading when it refuses the job: its exit status and stderr say why, not the broken pipe.
    child.stdin?.on('error', () => undefined);
    if (input && child.stdin) input.pipe(child.stdin);
  });
}

const LINE = {
  printer: /^printer (\S+) (is|now printing|disabled) /,
  description: /^\tDescription: (.*)$/,
  accepting: /^(\S+) (accepting|not accepting) requests /,
  // A user's default may be an instance ("Printer/duplex") of a printer.
  default: /^system default destination: ([^/\s]+)/,
};
const STATES = { is: 'idle', 'now printing': 'printing', disabled: 'paused' } as const;

/** The printers in the output of `lpstat -l -p -a -d` (in the C locale). */
function parseLpstat(output: string): PrinterInfo[] {
  const printers: PrinterInfo[] = [];
  const accepting = new Map<string, boolean>();
  let defaultName: string | undefined;
  for (const line of output.split('\n')) {
    const printer = LINE.printer.exec(line);
    const description = LINE.description.exec(line);
    const acceptance = LINE.accepting.exec(line);
    const byDefault = LINE.default.exec(line);
    if (printer) {
      const name = printer[1]!;
      printers.push({ name, description: name, isDefault: false, state: STATES[printer[2] as keyof typeof STATES], acceptingJobs: true });
    } else if (description && printers.length > 0 && description[1]) {
      printers[printers.length - 1]!.description = description[1];
    } else if (acceptance) {
      accepting.set(acceptance[1]!, acceptance[2] === 'accepting');
    } else if (byDefault) {
      defaultName = byDefault[1];
    }
  }
  return printers.map((p) => ({ ...p, isDefault: p.name === defaultName, acceptingJobs: accepting.get(p.name) !== false }));
}

async function listPrinters(tool: Tool, printer?: string): Promise<PrinterInfo[]> {
  const run = await tool('lpstat', ['-l', '-p', '-a', '-d'], printer);
  if (!run.ok) {
    if (SCHEDULER_DOWN.test(run.stderr)) throw schedulerDown(printer);
    // A running scheduler with no printer says so on stderr and exits 1: that is an empty list.
    const errors = run.stderr.split('\n').filter((line) => line && !/no destinations added/i.test(line));
    if (errors.length > 0) throw new PrinterError('PRINT_FAILED', `The list of printers could not be read (CUPS said: ${errors.join(' ')}). Try again; if it keeps failing, restart the printing service.`, printer);
  }
  return parseLpstat(run.stdout);
}

async function schedulerRunning(tool: Tool, printer: string): Promise<boolean> {
  const run = await tool('lpstat', ['-r'], printer);
  return run.stdout.trim() === 'scheduler is running';
}

async function lpFailure(tool: Tool, printer: string, stderr: string): Promise<PrinterError> {
  if (SCHEDULER_DOWN.test(stderr)) return schedulerDown(printer);
  if (/not accepting jobs/i.test(stderr)) return printerRefused(printer);
  // lp says a printer does not exist when it cannot reach the scheduler at all, too.
  if (/does not exist/i.test(stderr)) return (await schedulerRunning(tool, printer)) ? printerNotFound(printer) : schedulerDown(printer);
  return new PrinterError('PRINT_FAILED', `The printer "${printer}" could not take the job (CUPS said: ${stderr}). Check the printer and the file, then print again.`, printer);
}

async function openDocument(request: PrintRequest): Promise<Readable> {
  try {
    return (await fs.promises.open(request.file, 'r')).createReadStream();
  } catch (error) {
    throw new PrinterError('PRINT_FAILED', `The tickets file "${request.file}" could not be read (${(error as NodeJS.ErrnoException).code}). Prepare the tickets again, then print.`, request.printer);
  }
}

async function submit(tool: Tool, request: PrintRequest): Promise<PrintJobAccepted> {
  const { printer } = request;
  // The document goes on lp's stdin rather than by name: Debian's cupsd 2.4.2 crashes on a job
  // whose document name (the file's) has a space in it, and no file name can then look like an option.
  const document = await openDocument(request);
  const run = await tool('lp', ['-d', printer, '-n', String(request.copies), '-t', request.title], printer, document);
  if (!run.ok) throw await lpFailure(tool, printer, run.stderr);
  const jobId = /request id is (\S+)/.exec(run.stdout)?.[1];
  if (!jobId) {
    throw new PrinterError('PRINT_FAILED', `CUPS took the job for "${printer}" without giving it a number (it said: ${run.stdout.trim()}). Look at the printer's queue before printing again.`, printer);
  }
  return { jobId, printer };
}

export function createCupsPrinter(options: CupsPrinterOptions = {}): PrinterPort {
  const tool = toolRunner(options);
  return {
    list: () => listPrinters(tool),
    async print(request) {
      checkCopies(request.copies);
      // CUPS would queue a job for a paused printer: the agent expects paper now, so refuse.
      readyPrinter(await listPrinters(tool, request.printer), request.printer);
      return submit(tool, request);
    },
  };
}

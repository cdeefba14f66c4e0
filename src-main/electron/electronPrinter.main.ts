// Printing through Electron (Chromium's printing): the only way to Windows printers, and usable
// on any platform. Each call opens its own hidden, sandboxed window, so printing never touches
// the app's window and a PDF from disk never runs with more rights than a web page.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type WebContents } from 'electron';
import {
  checkCopies, PrinterError, printerNotFound, readyPrinter,
  type PrinterInfo, type PrinterPort, type PrintRequest,
} from '../core/print/printers/printerPort.std.ts';

async function inHiddenWindow<T>(use: (contents: WebContents) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    return await use(window.webContents);
  } finally {
    window.destroy();
  }
}

// printer-state as CUPS numbers it (Linux and macOS); Windows gives no state.
const CUPS_STATES: Record<string, PrinterInfo['state']> = { 3: 'idle', 4: 'printing', 5: 'paused' };

function toPrinterInfo(printer: Electron.PrinterInfo): PrinterInfo {
  const options = printer.options as Record<string, string | undefined>;
  return {
    name: printer.name,
    description: printer.displayName || printer.name,
    // Electron no longer says which printer is the system's default (it dropped isDefault and status).
    isDefault: false,
    state: CUPS_STATES[options['printer-state'] ?? ''] ?? 'idle',
    acceptingJobs: options['printer-is-accepting-jobs'] !== 'false',
  };
}

function failure(printer: string, reason: string): PrinterError {
  // Chromium finds no settings for a device name that is not (any more) installed.
  if (/invalid printer settings/i.test(reason)) return printerNotFound(printer);
  return new PrinterError('PRINT_FAILED', `The printer "${printer}" could not print the tickets (${reason || 'no reason given'}). Check the printer, then print again.`, printer);
}

function printSilently(contents: WebContents, request: PrintRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    // Chromium names the job after the document, so the request's title cannot be passed on.
    contents.print({ silent: true, deviceName: request.printer, copies: request.copies, printBackground: true }, (success, failureReason) => {
      if (success) resolve();
      else reject(failure(request.printer, failureReason));
    });
  });
}

async function load(contents: WebContents, request: PrintRequest): Promise<void> {
  try {
    await contents.loadURL(pathToFileURL(path.resolve(request.file)).href);
  } catch (error) {
    throw new PrinterError('PRINT_FAILED', `The tickets file could not be opened for printing (${(error as Error).message}). Prepare the tickets again, then print.`, request.printer);
  }
}

export function createElectronPrinter(): PrinterPort {
  const list = () => inHiddenWindow(async (contents) => (await contents.getPrintersAsync()).map(toPrinterInfo));
  return {
    list,
    async print(request) {
      checkCopies(request.copies);
      readyPrinter(await list(), request.printer);
      return inHiddenWindow(async (contents) => {
        await load(contents, request);
        await printSilently(contents, request);
        return { jobId: `electron-${Date.now()}`, printer: request.printer };
      });
    },
  };
}

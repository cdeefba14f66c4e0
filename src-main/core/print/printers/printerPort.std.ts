// Printing a ticket bundle to a chosen printer without leaving the app: what the desk needs of
// a printing system, whichever one the platform has (CUPS on Linux and macOS, Electron's on
// Windows). Adapters refuse rather than queue when the agent would wait at an empty tray.

export interface PrinterInfo { name: string; description: string; isDefault: boolean; state: 'idle' | 'printing' | 'paused'; acceptingJobs: boolean }
export interface PrintRequest { file: string; printer: string; copies: number; title: string }
export interface PrintJobAccepted { jobId: string; printer: string }
export type PrinterErrorCode = 'PRINTER_NOT_FOUND' | 'PRINTER_PAUSED' | 'PRINTER_REFUSED' | 'PRINTING_UNAVAILABLE' | 'PRINT_FAILED';

/** A refusal the agent should read (the UI translates it by its code). */
export class PrinterError extends Error {
  constructor(readonly code: PrinterErrorCode, message: string, readonly printer?: string) {
    super(message);
    this.name = 'PrinterError';
  }
}

export interface PrinterPort { list(): Promise<PrinterInfo[]>; print(request: PrintRequest): Promise<PrintJobAccepted> }

export const MAX_COPIES = 99;

/** Throws a RangeError unless `copies` is a whole number from 1 to MAX_COPIES. */
export function checkCopies(copies: number): void {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) {
    throw new RangeError(`copies must be a whole number from 1 to ${MAX_COPIES}, not ${copies}.`);
  }
}

export const printerNotFound = (printer: string) =>
  new PrinterError('PRINTER_NOT_FOUND', `The printer "${printer}" is not installed on this computer (any more): choose another printer, or ask for it to be installed again.`, printer);

export const printerRefused = (printer: string) =>
  new PrinterError('PRINTER_REFUSED', `The printer "${printer}" is not accepting jobs: have it accept jobs again in the printer settings, or choose another printer.`, printer);

/** The printer named `name` among `printers`, when it would print now; a PrinterError saying why not otherwise. */
export function readyPrinter(printers: PrinterInfo[], name: string): PrinterInfo {
  const printer = printers.find((p) => p.name === name);
  if (!printer) throw printerNotFound(name);
  if (printer.state === 'paused') {
    throw new PrinterError('PRINTER_PAUSED', `The printer "${name}" is paused: resume it in the printer settings, then print again, or choose another printer.`, name);
  }
  if (!printer.acceptingJobs) throw printerRefused(name);
  return printer;
}

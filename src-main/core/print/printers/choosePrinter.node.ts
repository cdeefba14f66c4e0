// Which printing system the desk talks to. Linux and macOS print through CUPS, reachable from
// plain Node; Windows printers are reached only through Electron, whose adapter the Electron
// shell injects (electron/electronPrinter.main.ts): core must not import Electron.
import { createCupsPrinter } from './cupsPrinter.node.ts';
import { PrinterError, type PrinterPort } from './printerPort.std.ts';

function windowsWithoutElectron(): PrinterPort {
  const refuse = () => Promise.reject(new PrinterError(
    'PRINTING_UNAVAILABLE',
    'Printing is not available here: on Windows, Guichet prints through its desktop window (Electron), which is not connected to this process. Print from the Guichet desktop app.',
  ));
  return { list: refuse, print: refuse };
}

export function defaultPrinterPort(platform: NodeJS.Platform = process.platform): PrinterPort {
  return platform === 'win32' ? windowsWithoutElectron() : createCupsPrinter();
}

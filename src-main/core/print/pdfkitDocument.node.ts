// An A4 PDFKit document as the desk's drawn papers (ticket bundles, voucher exports) start it:
// Roboto embedded once as 'regular' and 'bold', piped to `out`, and a promise that settles
// once every byte is handed over or either side fails.
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { PLATFORM } from '../domain/platform.std.ts';
import type { PrintLanguage } from './printText.std.ts';
import { robotoFiles } from './robotoFiles.node.ts';

export function openPdfkitDocument(out: Writable, language: PrintLanguage, title: string): { doc: PDFKit.PDFDocument; finished: Promise<void> } {
  const fonts = robotoFiles();
  const doc = new PDFDocument({
    size: 'A4', margin: 0, autoFirstPage: false, compress: true, lang: language === 'fr' ? 'fr-FR' : 'en-GB',
    info: { Title: title, Author: PLATFORM.name, Creator: 'Guichet' },
  });
  doc.registerFont('regular', fonts.normal);
  doc.registerFont('bold', fonts.bold);
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);
  return { doc, finished };
}

// The one place pdfmake is set up: receipts and the tickets the central service e-mails go
// through renderPdf, so fonts and resource policies are decided once. (The desk's large
// bundles draw with PDFKit directly, for speed: bundle/bundlePdf.node.ts.)
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { robotoFiles } from './robotoFiles.node.ts';

export type { TDocumentDefinitions };

let configured = false;

function configure(): void {
  if (configured) return;
  const roboto = robotoFiles();
  const fontDir = path.dirname(roboto.normal) + path.sep;
  pdfmake.setFonts({ Roboto: roboto });
  // A document definition is built from order data typed by users (company names, labels):
  // it must never make pdfmake fetch a URL or read a file other than the fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));
  configured = true;
}

export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf({ ...docDefinition, defaultStyle: { font: 'Roboto', ...docDefinition.defaultStyle } }).getBuffer();
}

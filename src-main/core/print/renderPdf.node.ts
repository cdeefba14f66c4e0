// The one place pdfmake is set up: every PDF Guichet prints (receipts, ticket bundles) goes
// through renderPdf, so fonts and resource policies are decided once.
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export type { TDocumentDefinitions };

// The Roboto files pdfmake ships, located through Node's resolver at run time: the same
// code finds them in the repository's node_modules, under tsx, and inside the packaged app,
// where the Electron bundle (CommonJS, so no import.meta.url) sits next to node_modules.
function robotoFiles() {
  const resolveFrom = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  const file = (name: string) => resolveFrom.resolve(`pdfmake/fonts/Roboto/${name}`);
  return {
    normal: file('Roboto-Regular.ttf'),
    bold: file('Roboto-Medium.ttf'),
    italics: file('Roboto-Italic.ttf'),
    bolditalics: file('Roboto-MediumItalic.ttf'),
  };
}

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

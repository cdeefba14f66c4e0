// Bundles the Electron main process and preload (and the browser host) into dist-electron (CommonJS, as
// Electron's sandboxed preload requires). Native modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning',
  // pdfmake stays in node_modules beside the fonts it ships, which robotoFiles.node.ts resolves there;
  // PDFKit beside the font metrics it reads from its own folder.
  external: ['electron', 'better-sqlite3', '@electric-sql/pglite', 'pg', 'pdfmake', 'pdfkit'],
  // renderPdf.node.ts uses import.meta.url under tsx and __filename once bundled as CommonJS.
  logOverride: { 'empty-import-meta': 'silent' },
};
await build({ ...common, entryPoints: ['src-main/electron/main.main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['src-main/electron/preload.preload.ts'], outfile: 'dist-electron/preload.cjs' });
// Each worker runs in its own thread, from its own file beside main.cjs (startWorker.node.ts finds it there):
// the desk's bundles, the embedded central service, and its e-mailed tickets.
await build({ ...common, entryPoints: ['src-main/core/print/bundle/bundleWorker.node.ts'], outfile: 'dist-electron/bundleWorker.cjs' });
await build({ ...common, entryPoints: ['src-main/host/embeddedCentralWorker.node.ts'], outfile: 'dist-electron/embeddedCentralWorker.cjs' });
await build({ ...common, entryPoints: ['src-central/mail/ticketPdfWorker.node.ts'], outfile: 'dist-electron/ticketPdfWorker.cjs' });
// The browser host, for machines without the Electron binary: plain Node loads one bundle far
// faster than tsx compiles and resolves some hundred modules (a second of every launch).
await build({ ...common, entryPoints: ['src-main/host/cli.node.ts'], outfile: 'dist-electron/host.cjs' });
console.log('Electron main, preload, the three workers and the browser host built into dist-electron/.');

// Bundles the Electron main process and preload into dist-electron (CommonJS, as
// Electron's sandboxed preload requires). Native modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning',
  // pdfmake stays in node_modules beside the fonts it ships, which renderPdf.node.ts resolves there.
  external: ['electron', 'better-sqlite3', '@electric-sql/pglite', 'pg', 'pdfmake'],
  // renderPdf.node.ts uses import.meta.url under tsx and __filename once bundled as CommonJS.
  logOverride: { 'empty-import-meta': 'silent' },
};
await build({ ...common, entryPoints: ['src-main/electron/main.main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['src-main/electron/preload.preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('Electron main and preload built into dist-electron/.');

// What the demo's first launch starts from, made once per build: the embedded service's
// PGlite template and the desk's mirror of it (pgliteTemplate.node.ts, deskMirror.node.ts).
import path from 'node:path';
import { templateFile, templateIsStale, writeTemplate } from '../../src-central/store/pgliteTemplate.node.ts';
import { deskMirrorFile, deskMirrorFits, sealDeskMirror, writeDeskMirror } from './deskMirror.node.ts';

const folders = (appRoot: string) => ({
  central: path.join(appRoot, 'drizzle', 'central'),
  local: path.join(appRoot, 'drizzle', 'local'),
});

export function demoTemplatesStale(appRoot: string): boolean {
  const { central, local } = folders(appRoot);
  return templateIsStale(templateFile(appRoot), central) || !deskMirrorFits(appRoot, local);
}

export async function writeDemoTemplates(appRoot: string, now = new Date()): Promise<void> {
  const { central, local } = folders(appRoot);
  const template = templateFile(appRoot);
  const mirror = deskMirrorFile(appRoot);
  await writeTemplate(template, central, now, (db) => writeDeskMirror(db, mirror, local, now));
  sealDeskMirror(mirror, template, local);
}

// Electron's security checklist, checked by Doyensec's electronegativity on the Electron
// shell's sources: no finding of high or critical severity may appear. The tool tries to
// fetch Electron's release list; offline it says so and scans with the version given.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

it('finds nothing of high or critical severity in the Electron shell', () => {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-eneg-')), 'findings.csv');
  execFileSync(path.join(root, 'node_modules/.bin/electronegativity'),
    ['-i', path.join(root, 'src-main/electron'), '-e', electronVersion, '-o', report], { stdio: 'ignore', timeout: 120_000 });
  const findings = fs.readFileSync(report, 'utf8').split('\n')
    .map((line) => /^([A-Z_]+),"([A-Z]+)"/.exec(line))
    .filter((m) => m !== null)
    .map(([, check, severity]) => ({ check, severity }));
  // The scan ran: the preload is always reported for review.
  expect(findings.map((f) => f.check)).toContain('PRELOAD_JS_CHECK');
  expect(findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')).toEqual([]);
  // What the checklist demands is set, so the tool does not even mention it.
  for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
    expect(findings.map((f) => f.check)).not.toContain(check);
  }
});

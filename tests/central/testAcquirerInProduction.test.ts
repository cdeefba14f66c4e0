// The test acquirer in production: `npm run central` started with no word about payments used
// to take any Luhn-valid card number as paid. It now refuses to start unless test payments are
// asked for, and says so loudly when they are.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempCore.node.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Runs `npm run central`'s entry until it exits or prints its URL; returns what it said. */
function runCentral(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = tempDir();
  dirs.push(dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src-central/cli.node.ts')], {
      cwd: root, env: { ...process.env, GUICHET_PAYMENTS: '', PORT: '0', GUICHET_CENTRAL_DATA: dataDir, DATABASE_URL: '', ...env },
    });
    let output = '';
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Guichet central service: http')) child.kill('SIGTERM');
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the test acquirer in production', () => {
  it('refuses to start when nobody asked for test payments, saying what to set', async () => {
    const { code, output } = await runCentral({});
    expect(code).toBe(2);
    expect(output).toContain('no card acquirer is configured');
    expect(output).toContain('GUICHET_PAYMENTS=test');
    expect(output).not.toContain('Guichet central service: http');
  });

  it('starts with test payments only when asked, and says so before anything else', async () => {
    const { output } = await runCentral({ GUICHET_PAYMENTS: 'test' });
    expect(output).toMatch(/^\*\*\* TEST PAYMENTS: cards are never charged/);
    expect(output).toContain('Guichet central service: http://127.0.0.1:');
  });
});

// `npm run start:browser` builds the renderer only when it has to: no build yet, or a source
// changed since the last one. A start with nothing changed goes straight to the host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererIsStale } from '../../scripts/buildRendererIfStale.mjs';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A project folder with one renderer source and the contract, last changed `at`. */
function project(at: Date) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-stale-'));
  folders.push(root);
  for (const file of ['src-renderer/screens/App.dom.tsx', 'src-main/contract/methods.std.ts', 'vite.config.ts']) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), 'export {};\n');
    fs.utimesSync(path.join(root, file), at, at);
  }
  for (const dir of ['src-renderer/screens', 'src-renderer', 'src-main/contract']) fs.utimesSync(path.join(root, dir), at, at);
  return root;
}

function build(root: string, at: Date) {
  fs.mkdirSync(path.join(root, 'dist-renderer'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist-renderer/index.html'), '<!doctype html>');
  fs.utimesSync(path.join(root, 'dist-renderer/index.html'), at, at);
}

const touch = (root: string, file: string, at: Date) => {
  fs.writeFileSync(path.join(root, file), 'export const changed = true;\n');
  fs.utimesSync(path.join(root, file), at, at);
};

describe('building the renderer only when it is stale', () => {
  const morning = new Date('2026-12-02T09:00:00Z');
  const noon = new Date('2026-12-02T12:00:00Z');
  const evening = new Date('2026-12-02T18:00:00Z');

  it('builds when there is no build yet', () => {
    expect(rendererIsStale({ root: project(morning) })).toBe(true);
  });

  it('skips the build when nothing changed since it', () => {
    const root = project(morning);
    build(root, noon);
    expect(rendererIsStale({ root })).toBe(false);
  });

  it('builds again after a change to a screen, to the contract it imports, or to the build configuration', () => {
    for (const file of ['src-renderer/screens/App.dom.tsx', 'src-main/contract/methods.std.ts', 'vite.config.ts']) {
      const root = project(morning);
      build(root, noon);
      touch(root, file, evening);
      expect(rendererIsStale({ root }), file).toBe(true);
    }
  });

  it('builds again after a file is added to the renderer (its folder changes)', () => {
    const root = project(morning);
    build(root, noon);
    fs.writeFileSync(path.join(root, 'src-renderer/screens/New.dom.tsx'), 'export {};\n');
    fs.utimesSync(path.join(root, 'src-renderer/screens/New.dom.tsx'), morning, morning);
    fs.utimesSync(path.join(root, 'src-renderer/screens'), evening, evening);
    expect(rendererIsStale({ root })).toBe(true);
  });
});

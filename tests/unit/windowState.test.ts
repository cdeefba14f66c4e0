import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWindowState, windowStateToOpen, type Rect, type ScreenLayout } from '../../src-main/core/desktop/windowState.std.ts';
import { WINDOW_STATE_FILE, readWindowState, writeWindowState } from '../../src-main/core/desktop/windowStateFile.node.ts';
import { tempDir } from '../support/tempCore.node.ts';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second monitor to the right of the laptop's screen. */
const external: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const laptopAlone: ScreenLayout = { primaryWorkArea: laptop, workAreas: [laptop] };
const docked: ScreenLayout = { primaryWorkArea: laptop, workAreas: [laptop, external] };

describe('where the window opens', () => {
  it('opens at 1366×768 in the middle of the primary display the first time', () => {
    expect(windowStateToOpen(null, docked)).toEqual({ bounds: { x: 277, y: 136, width: 1366, height: 768 }, maximized: false });
  });

  it('opens where it was left', () => {
    const saved = { bounds: { x: 2100, y: 50, width: 1600, height: 900 }, maximized: false };
    expect(windowStateToOpen(saved, docked)).toEqual(saved);
  });

  it('comes back to the main display, centred, when its monitor is gone', () => {
    const saved = { bounds: { x: 2100, y: 50, width: 1600, height: 900 }, maximized: false };
    expect(windowStateToOpen(saved, laptopAlone).bounds).toEqual({ x: 160, y: 70, width: 1600, height: 900 });
  });

  it('is pulled wholly onto the display that shows most of it', () => {
    const halfOff = { bounds: { x: 1500, y: -200, width: 1200, height: 800 }, maximized: false };
    expect(windowStateToOpen(halfOff, laptopAlone).bounds).toEqual({ x: 720, y: 0, width: 1200, height: 800 });
  });

  it('never opens smaller than 1024×640', () => {
    const tiny = { bounds: { x: 100, y: 100, width: 300, height: 200 }, maximized: false };
    expect(windowStateToOpen(tiny, laptopAlone).bounds).toEqual({ x: 100, y: 100, width: 1024, height: 640 });
  });

  it('shrinks to a smaller screen, down to the minimum, keeping its title bar on it', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 600 };
    const big = { bounds: { x: 0, y: 0, width: 1900, height: 1000 }, maximized: false };
    expect(windowStateToOpen(big, { primaryWorkArea: small, workAreas: [small] }).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 640 });
    expect(windowStateToOpen(null, { primaryWorkArea: small, workAreas: [small] }).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 640 });
  });

  it('reopens maximized, on the display it was maximized on, with the size to restore to', () => {
    const saved = { bounds: { x: 2200, y: 100, width: 1400, height: 800 }, maximized: true };
    expect(windowStateToOpen(saved, docked)).toEqual(saved);
  });
});

describe('the saved record', () => {
  it('keeps only a well-formed record, in whole pixels', () => {
    expect(parseWindowState({ bounds: { x: 10.4, y: 20.6, width: 1200, height: 700 }, maximized: true }))
      .toEqual({ bounds: { x: 10, y: 21, width: 1200, height: 700 }, maximized: true });
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 1200 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: '1200', height: 700 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: Infinity, height: 700 } })).toBeNull();
    expect(parseWindowState([1, 2, 3])).toBeNull();
    expect(parseWindowState(null)).toBeNull();
  });
});

describe('window-state.json', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is read back as it was written', () => {
    dir = tempDir();
    const state = { bounds: { x: 40, y: 30, width: 1400, height: 860 }, maximized: true };
    writeWindowState(dir, state);
    expect(readWindowState(dir)).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('is ignored when missing or malformed', () => {
    dir = tempDir();
    expect(readWindowState(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": 1, ');
    expect(readWindowState(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '"a string"');
    expect(readWindowState(dir)).toBeNull();
  });
});

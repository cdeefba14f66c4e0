// What an IT department checks before deploying the desktop: electron-builder.yml, read by
// electron-builder's own loader and schema (the version the project builds with), so that a
// misspelt option fails here rather than being silently ignored by a release build.
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander.js';
import type { AppInfo } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/tempCore.node.ts';

const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG_FILE, null);
});

const targetsOf = (platform: { target?: unknown } | null | undefined): string[] =>
  [platform?.target].flat().map((target) => (typeof target === 'string' ? target : (target as { target: string }).target));

const entitlementKeys = (file: string) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);

/** Every key of the configuration, at any depth. */
const keysOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]) : [];

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('installs per user on Windows, never asking for administrator rights', () => {
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false, packElevateHelper: false });
  });

  it('builds a DMG and the zip the macOS updater downloads, hardened, with entitlements files that exist', () => {
    expect(targetsOf(config.mac)).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(config.mac?.hardenedRuntime).toBe(true);
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(file).toEqual(expect.any(String));
      expect(fs.existsSync(path.join(ROOT, file!))).toBe(true);
      // Only JIT: no exception that would let unsigned code or injected libraries run as Guichet.
      expect(entitlementKeys(file!)).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  it('notarizes with the credentials of the build environment', () => {
    expect(config.mac?.notarize).toBe(true);
  });

  it('flips the Electron fuses that close the ways of running other code as Guichet', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('holds no signing identity, certificate or password', () => {
    expect(keysOf(config).filter((key) => /identity|password|certificate|csc|apple|team|key|token|secret|sign/i.test(key))).toEqual([]);
    const settings = fs.readFileSync(CONFIG_FILE, 'utf8').split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(settings.filter((line) => /password|secret|token|BEGIN|\.p12|\.pfx/i.test(line))).toEqual([]);
  });

  it('packages Linux as an AppImage and a deb', () => {
    expect(targetsOf(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux?.maintainer).toEqual(expect.any(String));
  });

  it('packages better-sqlite3 as the Node-API addon the tests load, for Electron as for Node, out of the asar archive', () => {
    // A Node-API addon registers itself through napi_register_module_v1 and loads under any
    // Electron; one built against a Node's own ABI would need a rebuild that is switched off.
    const prebuilds = path.join(ROOT, 'node_modules/better-sqlite3/prebuilds');
    for (const platform of ['win32-x64', 'darwin-arm64', 'darwin-x64', 'linux-x64']) {
      expect(fs.readFileSync(path.join(prebuilds, `${platform}.node`)).includes('napi_register_module_v1'), platform).toBe(true);
    }
    // npm still runs node-gyp on install; finding the prebuild, it compiles nothing. A binary it
    // did compile (against the installing Node) would be loaded before the prebuild.
    for (const flavour of ['Release', 'Debug']) {
      const compiled = path.join(ROOT, 'node_modules/better-sqlite3/build', flavour, 'better_sqlite3.node');
      expect(fs.existsSync(compiled), `a locally compiled ${compiled} would be loaded first`).toBe(false);
    }
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('takes the update feed from GUICHET_UPDATE_URL, which electron-builder expands', () => {
    const publish = config.publish as { provider: string; url: string };
    expect(publish.provider).toBe('generic');
    const appInfo = {} as AppInfo;
    const saved = process.env.GUICHET_UPDATE_URL;
    try {
      process.env.GUICHET_UPDATE_URL = 'https://updates.office.example/guichet/';
      expect(expandMacro(publish.url, null, appInfo)).toBe('https://updates.office.example/guichet/');
      delete process.env.GUICHET_UPDATE_URL;
      expect(() => expandMacro(publish.url, null, appInfo)).toThrow(/GUICHET_UPDATE_URL is not defined/);
    } finally {
      if (saved === undefined) delete process.env.GUICHET_UPDATE_URL;
      else process.env.GUICHET_UPDATE_URL = saved;
    }
  });
});

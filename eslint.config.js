// Where a file may run is written in its name (after Signal Desktop):
//   .std   anywhere (pure: contract, domain)     .node  plain Node (core, host, central)
//   .main  Electron main process                 .preload  Electron preload
//   .dom   the renderer (browser)
// These rules make the architecture's two promises impossible to break by accident:
// core never imports electron, and the renderer talks only to the contract.
// Flat config replaces (does not merge) a rule set twice for one file, so each file
// falls under exactly one no-restricted-imports block: the one of its suffix or folder.
import tseslint from 'typescript-eslint';
import suffixPlugin from './scripts/eslint-file-suffix.js';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'worker_threads', 'url', 'stream', 'events', 'util', 'zlib'];
const ELECTRON = { group: ['electron', 'electron/*'], message: 'Only src-main/electron (*.main.ts / *.preload.ts) may import electron.' };
const suffixGroup = (suffixes, why) => ({
  group: suffixes.flatMap((s) => [`**/*.${s}`, `**/*.${s}.ts`, `**/*.${s}.tsx`]),
  message: why,
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist-*', 'test-results', 'playwright-report', 'drizzle', 'release'] },
  ...tseslint.configs.recommended,
  {
    plugins: { guichet: suffixPlugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}', 'src-central/**/*.{ts,tsx}'],
    
    rules: { 'guichet/file-suffix': 'error' },
  },
  {
    files: ['**/*.std.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_BUILTINS.filter((n) => !n.includes('*')).map((name) => ({ name, message: '.std files run anywhere: no Node built-ins.' })),
        patterns: [
          { group: ['node:*'], message: '.std files run anywhere: no Node built-ins.' },
          ELECTRON,
          { group: ['react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: '.std files are pure: no UI, no storage.' },
          suffixGroup(['node', 'main', 'preload', 'dom'], '.std files may import only other .std files.'),
        ],
      }],
    },
  },
  {
    files: ['**/*.node.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [ELECTRON, suffixGroup(['main', 'preload', 'dom'], '.node files may not import Electron or renderer files.')],
      }],
    },
  },
  {
    // The central service shares the contract, the pure booking rules, the PDF printing (it
    // e-mails the same ticket bundles the desktop prints) and the worker starter, nothing else.
    files: ['src-central/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ELECTRON,
          {
            regex: '(^|/)src-main/(?!contract/|core/domain/|core/print/|core/workers/)',
            message: 'The central service imports only the contract, the pure domain, the PDF printing and the worker starter from src-main.',
          },
          { regex: '(^|/)src-renderer/', message: 'The central service does not import the renderer.' },
          suffixGroup(['main', 'preload', 'dom'], 'The central service runs on plain Node.'),
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_BUILTINS.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer runs in a browser.' })),
        patterns: [
          { group: ['node:*'], message: 'The renderer runs in a browser.' },
          ELECTRON,
          {
            regex: '(^|/)src-main/(?!contract/)',
            message: 'The renderer talks only to the contract (src-main/contract).',
          },
          suffixGroup(['node', 'main', 'preload'], 'The renderer may not import Node or Electron files.'),
        ],
      }],
    },
  },
);

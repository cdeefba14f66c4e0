// Runs Doyensec's electronegativity on a folder, offline, and prints its findings as JSON.
// The scan downloads translations and Electron's release list with got 11, whose retry after
// a timeout throws where no one can catch it (sindresorhus/got#1489) and kills the scan on a
// machine without internet. Neither download is needed for the checks, and the tool copes
// when they fail, so here they fail at once instead of on the network.
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const tool = path.dirname(require.resolve('@doyensec/electronegativity/dist/runner.js'));
const gotPath = require.resolve('got', { paths: [tool] });
const offline = () => Promise.reject(new Error('this scan runs offline'));
const stub = new Module(gotPath);
stub.exports = Object.assign(offline, { head: offline, get: offline, default: offline });
stub.loaded = true;
require.cache[gotPath] = stub;

const run = require('@doyensec/electronegativity/dist/runner.js');
const [input, electronVersion] = process.argv.slice(2);

run({ input, customScan: [], excludeFromScan: [], electronVersionOverride: electronVersion, parserPlugins: [], isVerbose: false }, false)
  .then(({ errors, issues }) => {
    process.stdout.write(JSON.stringify({
      errors: errors.length,
      findings: issues.map((issue) => ({ check: issue.id, severity: issue.severity.name, file: issue.file, line: issue.location.line })),
    }));
  }, (error) => {
    console.error(error.stack);
    process.exit(1);
  });

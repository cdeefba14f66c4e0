// ESLint rule: every source file says in its name where it may run, and
// Electron-only suffixes live only in src-main/electron.
import path from 'node:path';

const SUFFIXES = ['std', 'node', 'main', 'preload', 'dom'];
const ELECTRON_ONLY = new Set(['main', 'preload']);

const fileSuffix = {
  meta: {
    type: 'problem',
    docs: { description: 'Source files carry a .std/.node/.main/.preload/.dom suffix matching their folder.' },
    schema: [],
  },
  create(context) {
    const file = context.filename.split(path.sep).join('/');
    const match = /\.(\w+)\.tsx?$/.exec(file);
    const suffix = match?.[1];
    return {
      Program(node) {
        if (!suffix || !SUFFIXES.includes(suffix)) {
          context.report({ node, message: `File name must end in .${SUFFIXES.join('|.')}.ts(x) to say where it runs.` });
          return;
        }
        if (ELECTRON_ONLY.has(suffix) && !file.includes('src-main/electron/')) {
          context.report({ node, message: `.${suffix} files belong in src-main/electron.` });
        }
        if (file.includes('src-renderer/') && suffix !== 'dom' && suffix !== 'std') {
          context.report({ node, message: 'Renderer files are .dom (or .std).' });
        }
        if (file.includes('src-main/contract/') && suffix !== 'std') {
          context.report({ node, message: 'The contract is shared by every side: its files are .std.' });
        }
      },
    };
  },
};

export default { rules: { 'file-suffix': fileSuffix } };

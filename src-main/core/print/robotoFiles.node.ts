import { createRequire } from 'node:module';

// The Roboto files pdfmake ships, located through Node's resolver at run time: the same
// code finds them in the repository's node_modules, under tsx, and inside the packaged app,
// where the Electron bundle (CommonJS, so no import.meta.url) sits next to node_modules.
export function robotoFiles() {
  const resolveFrom = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  const file = (name: string) => resolveFrom.resolve(`pdfmake/fonts/Roboto/${name}`);
  return {
    normal: file('Roboto-Regular.ttf'),
    bold: file('Roboto-Medium.ttf'),
    italics: file('Roboto-Italic.ttf'),
    bolditalics: file('Roboto-MediumItalic.ttf'),
  };
}

// The lint rules that keep the architecture's promises must actually fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/tempCore.node.ts';

const eslint = new ESLint({ cwd: ROOT });
const problems = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return result!.messages.map((m) => m.message);
};

describe('architecture lint', () => {
  it('fails when core imports electron', async () => {
    expect(await problems('src-main/core/store/x.node.ts', "import { app } from 'electron';\nexport const a = app;\n"))
      .toContainEqual(expect.stringMatching(/Only src-main\/electron/));
  });
  it('fails when the renderer imports electron', async () => {
    expect(await problems('src-renderer/x.dom.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"))
      .toContainEqual(expect.stringMatching(/Only src-main\/electron/));
  });
  it('fails when the renderer imports main-process code other than the contract', async () => {
    expect(await problems('src-renderer/x.dom.tsx', "import { startCore } from '../src-main/core/guichetCore.node';\nexport const a = startCore;\n"))
      .toContainEqual(expect.stringMatching(/talks only to the contract/));
  });
  it('lets the renderer import the contract', async () => {
    expect(await problems('src-renderer/x.dom.tsx', "import { methods } from '../src-main/contract/methods.std';\nexport const a = methods;\n")).toEqual([]);
  });
  it('fails when a pure .std file reaches for Node', async () => {
    expect(await problems('src-main/core/domain/x.std.ts', "import fs from 'node:fs';\nexport const a = fs;\n"))
      .toContainEqual(expect.stringMatching(/no Node built-ins/));
  });
  it('fails when a file does not say where it runs', async () => {
    expect(await problems('src-main/core/domain/helpers.ts', 'export const a = 1;\n'))
      .toContainEqual(expect.stringMatching(/must end in/));
  });
});

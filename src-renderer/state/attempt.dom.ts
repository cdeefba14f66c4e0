// Runs an action through the contract; a refusal is shown to the user as a notice and
// the caller keeps whatever the user typed.
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods.std.ts';
import { bridge } from '../transport/bridge.dom.ts';
import { useNotices } from './notices.dom.ts';

export async function attempt<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> {
  const result = await bridge.invoke(method, input);
  if (result.ok) return result.value;
  useNotices.getState().fail(result.error);
  return undefined;
}

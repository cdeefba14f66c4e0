// Reads a contract method into a component. The previous value stays on screen while
// a new one loads, so switching month or venue never flashes an empty page.
import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods.std.ts';
import type { RpcError } from '../../src-main/contract/errors.std.ts';
import { bridge } from '../transport/bridge.dom.ts';

export interface Remote<T> {
  value: T | undefined;
  error: RpcError | undefined;
  loading: boolean;
  reload(): void;
}

export function useRemote<M extends MethodName>(method: M, input: MethodInput<M> | null): Remote<MethodOutput<M>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ value?: MethodOutput<M>; error?: RpcError; loading: boolean }>({ loading: key !== null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void bridge.invoke(method, JSON.parse(key) as MethodInput<M>).then((result) => {
      if (!current) return;
      setState(result.ok ? { value: result.value, loading: false } : { error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
  }, [method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { value: state.value, error: state.error, loading: state.loading, reload };
}

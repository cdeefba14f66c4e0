import type { EventName, EventPayload, MethodName, MethodOutput, ParsedInput } from '../../contract/methods.std.ts';
import type { Store } from '../store/openStore.node.ts';

export interface HandlerContext {
  store: Store;
  /** The current instant. Injected so tests (and later the server clock offset) decide "now". */
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  appVersion: string;
  dataDir: string;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable<K extends MethodName = MethodName> = { [M in K]: Handler<M> };

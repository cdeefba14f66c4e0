import type { EventName, EventPayload, MethodName, MethodOutput, ParsedInput } from '../../contract/methods.std.ts';
import type { Store } from '../store/openStore.node.ts';
import type { CentralClient } from '../sync/centralClient.node.ts';
import type { SyncEngine } from '../sync/syncEngine.node.ts';

export interface HandlerContext {
  store: Store;
  /** The current instant. Injected so tests (and later the server clock offset) decide "now". */
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  appVersion: string;
  dataDir: string;
  /** The central service this launch talks to (null: none configured). */
  centralUrl: string | null;
  central: CentralClient;
  sync: SyncEngine;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable<K extends MethodName = MethodName> = { [M in K]: Handler<M> };

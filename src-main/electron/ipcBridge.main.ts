import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { RpcResult } from '../contract/errors.std.ts';
import { events, isEventName } from '../contract/methods.std.ts';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../contract/transport.std.ts';
import type { GuichetCore } from '../core/guichetCore.node.ts';
import { isTrustedSender } from './senderGate.std.ts';

const forbidden: RpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from Guichet and was refused.' },
};

export function connectIpc(core: GuichetCore, window: BrowserWindow): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame });
    if (!trusted || typeof method !== 'string') return forbidden;
    return core.dispatch(method, input);
  });
  const unsubscribe = Object.keys(events).filter(isEventName).map((event) =>
    core.on(event, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
    }),
  );
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe.forEach((off) => off());
  };
}

/**
 * IPC wiring: one `ipcMain.handle` per contract method. The sender is checked before the payload
 * is even looked at; `dispatch` then validates the payload and never throws, so the renderer
 * always receives an envelope ({ ok, value } or { ok: false, error: { code, nl, en } }).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatchCall, type createHandlers } from '../api/handlers';
import type { Envelope } from '../shared/contract';
import { channelFor, METHOD_NAMES } from '../shared/methods';
import { isTrustedSender } from './sender';

type Handlers = ReturnType<typeof createHandlers>;

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: {
    code: 'forbidden-sender',
    nl: 'Deze aanroep komt niet uit het venster van Raadsmap en is geweigerd.',
    en: 'This call does not come from the Raadsmap window and was refused.',
  },
};

export function senderIsTrusted(event: IpcMainInvokeEvent, isOurWebContents: (id: number) => boolean): boolean {
  const frame = event.senderFrame;
  return isTrustedSender({
    url: frame?.url,
    isMainFrame: frame !== null && frame.parent === null,
    isOurWindow: isOurWebContents(event.sender.id),
  });
}

export function registerIpc(handlers: Handlers, isOurWebContents: (id: number) => boolean): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelFor(method), (event, payload: unknown): Envelope<unknown> | Promise<Envelope<unknown>> => {
      if (!senderIsTrusted(event, isOurWebContents)) {
        process.stderr.write(`raadsmap: ipc: refused ${method} from ${event.senderFrame?.url ?? '<gone>'}\n`);
        return FORBIDDEN;
      }
      return dispatchCall(handlers, method, payload);
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(channelFor(method));
  };
}

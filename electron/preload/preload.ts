/**
 * The preload: exposes the contract to the page as one named object, `window.raadsmap`, and
 * nothing else (never ipcRenderer itself). It runs sandboxed, so it may require only 'electron';
 * the method list is bundled in. No zod and no schemas here: main validates every payload.
 *
 * Each method resolves to the envelope main returned, `{ ok: true, value }` or
 * `{ ok: false, error: { code, nl, en } }`, and the renderer unwraps it (renderer/src/api.ts).
 * We do not throw here on purpose: an Error crossing contextBridge loses its custom properties,
 * so `code`, `nl` and `en` would never reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, METHOD_NAMES, OPEN_FILE_CHANNEL, type MethodName } from '../shared/methods';

/** Mirrors `Envelope<unknown>` in shared/contract.ts (the preload may not import the contract). */
export type PreloadEnvelope =
  { ok: true; value: unknown } | { ok: false; error: { code: string; nl: string; en: string } };

/** The shape of `window.raadsmap`: one function per contract method, nothing more. */
export type PreloadApi = { readonly [M in MethodName]: (args?: unknown) => Promise<PreloadEnvelope> };

function invoker(method: MethodName): (args?: unknown) => Promise<PreloadEnvelope> {
  const channel = channelFor(method);
  // Only the argument crosses; the IPC event and ipcRenderer never reach the page.
  return (args?: unknown) => ipcRenderer.invoke(channel, args) as Promise<PreloadEnvelope>;
}

const api = Object.freeze(
  Object.fromEntries(METHOD_NAMES.map((method) => [method, invoker(method)])) as {
    [M in MethodName]: ReturnType<typeof invoker>;
  },
) satisfies PreloadApi;

contextBridge.exposeInMainWorld('raadsmap', api);

/**
 * `window.raadsmapShell`: the one event from main, a double-clicked `.raadsmap` file. Only plain
 * data crosses ({fileName, dataBase64}); the page gets an unsubscribe function, never the event.
 */
const shell = Object.freeze({
  onOpenFile(callback: (file: { fileName: string; dataBase64: string }) => void): () => void {
    const listener = (_event: unknown, file: unknown) => {
      const f = file as { fileName?: unknown; dataBase64?: unknown } | null;
      if (f && typeof f.fileName === 'string' && typeof f.dataBase64 === 'string') {
        callback({ fileName: f.fileName, dataBase64: f.dataBase64 });
      }
    };
    ipcRenderer.on(OPEN_FILE_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(OPEN_FILE_CHANNEL, listener);
    };
  },
});
contextBridge.exposeInMainWorld('raadsmapShell', shell);

/**
 * The renderer's one way to main: `window.raadsmap` (the preload, in Electron) or the loopback
 * bridge (in `npm run serve`). Both return the contract's envelopes; this file unwraps them.
 */
import type { Args, Envelope, Method, RaadsmapApi, Result } from '../../electron/shared/contract';
import { METHOD_NAMES } from '../../electron/shared/methods';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly nl: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'ApiError';
  }
}

type EnvelopeApi = { [M in Method]: (args: Args<M>) => Promise<Envelope<Result<M>>> };

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser. */
    raadsmap?: EnvelopeApi;
  }
}

function bridgeCall(method: Method, args: unknown): Promise<Envelope<unknown>> {
  return fetch(`api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(args ?? {}),
  }).then(async (response) => {
    if (!response.ok) {
      const text = await response.text();
      return {
        ok: false,
        error: {
          code: `http-${response.status}`,
          nl: `Verbinding geweigerd: ${text}`,
          en: `Connection refused: ${text}`,
        },
      };
    }
    return (await response.json()) as Envelope<unknown>;
  });
}

export function createApi(): RaadsmapApi & { transport: 'ipc' | 'bridge' } {
  const ipc = window.raadsmap;
  const call = (method: Method, args: unknown) =>
    (ipc ? (ipc[method] as (a: unknown) => Promise<Envelope<unknown>>)(args) : bridgeCall(method, args)).then(
      (envelope) => {
        if (envelope.ok) return envelope.value;
        throw new ApiError(envelope.error.code, envelope.error.nl, envelope.error.en);
      },
    );
  const api = Object.fromEntries(METHOD_NAMES.map((m) => [m, (args: unknown) => call(m, args)])) as RaadsmapApi;
  return Object.assign(api, { transport: ipc ? ('ipc' as const) : ('bridge' as const) });
}

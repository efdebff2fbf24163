/**
 * The one contract between renderer and main. Every call the renderer may make is listed here
 * with the schema of its argument and of its result. Main validates every payload against it
 * (Electron IPC and the loopback bridge alike); the renderer's client is typed by it.
 *
 * This file is imported by main, preload, bridge and renderer: it may import zod and types only.
 */
import { z } from 'zod';
import type { MethodName } from './methods';
import { documentSummarySchema, letterDocumentSchema } from './schemas';

export const localeSchema = z.enum(['nl', 'en']);
export const themeSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z.object({
  locale: localeSchema,
  /** Reading text size in percent of the default (100). */
  fontScale: z.number().int().min(80).max(200),
  theme: themeSchema,
});

export const settingsPatchSchema = settingsSchema.partial().strict();

/** Largest letter the app accepts, base64 inflates by 4/3. */
const MAX_IMPORT_BASE64 = Math.ceil((50 * 1024 * 1024 + 1) / 3) * 4 + 4;

export const contract = {
  'app.info': {
    args: z.object({}).strict(),
    result: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      transport: z.enum(['ipc', 'bridge']),
    }),
  },
  'settings.get': {
    args: z.object({}).strict(),
    result: settingsSchema,
  },
  'settings.update': {
    args: settingsPatchSchema,
    result: settingsSchema,
  },
  'library.list': {
    args: z.object({}).strict(),
    result: z.array(documentSummarySchema),
  },
  'documents.get': {
    args: z.object({ id: z.string().min(1).max(200) }).strict(),
    result: letterDocumentSchema,
  },
  'letters.import': {
    args: z
      .object({
        fileName: z.string().min(1).max(500),
        /** The file's bytes, base64. */
        dataBase64: z.string().max(MAX_IMPORT_BASE64),
      })
      .strict(),
    result: z.object({ documentId: z.string(), title: z.string(), decisionCount: z.number().int() }),
  },
} as const satisfies Record<MethodName, { args: z.ZodType; result: z.ZodType }>;

// Every method name has a schema and every schema a name.
type _Exact = [keyof typeof contract] extends [MethodName]
  ? [MethodName] extends [keyof typeof contract]
    ? true
    : never
  : never;
const _exact: _Exact = true;
void _exact;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Args<M extends Method> = z.input<Contract[M]['args']>;
export type Result<M extends Method> = z.output<Contract[M]['result']>;
export type Settings = z.output<typeof settingsSchema>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What crosses a transport: a value or a user-facing error in both languages. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; nl: string; en: string } };

/** The API object the renderer sees, over IPC (`window.raadsmap`) or over the bridge. */
export type RaadsmapApi = {
  [M in Method]: (args: Args<M>) => Promise<Result<M>>;
};

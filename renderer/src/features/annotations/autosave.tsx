/**
 * Autosave: there is no "Opslaan" button anywhere. A field's changes are merged into one pending
 * patch and sent ~400 ms after typing stops, on blur, when the editor closes (unmount), and when
 * the window is hidden or closed. Saves of one editor never overlap: a change made while a save is
 * under way is sent right after it. A failed save keeps the patch and offers a retry.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';

export const AUTOSAVE_DELAY_MS = 400;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** Every saver with something to send: flushed when the page is hidden or unloaded. */
const live = new Set<Saver<unknown>>();

function flushAll(): void {
  for (const saver of live) saver.flushNow();
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushAll);
  window.addEventListener('beforeunload', flushAll);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAll();
  });
}

export class Saver<P> {
  private pending: P | null = null;
  private inflight: Promise<void> | null = null;
  private timer: number | undefined;
  /** "Opgeslagen" was announced in this editing session. */
  private announced = false;

  constructor(
    private send: (patch: P) => Promise<void>,
    private readonly merge: (older: P, newer: P) => P,
    private readonly onState: (state: SaveState, error: unknown, announce?: boolean) => void,
    private readonly delay = AUTOSAVE_DELAY_MS,
  ) {}

  setSend(send: (patch: P) => Promise<void>): void {
    this.send = send;
  }

  /** A new editing session: the next successful save is announced again. */
  session(): void {
    this.announced = false;
  }

  get hasPending(): boolean {
    return this.pending !== null;
  }

  /** A change: saved after the delay unless more changes follow. */
  change(patch: P): void {
    this.pending = this.pending === null ? patch : this.merge(this.pending, patch);
    live.add(this as Saver<unknown>);
    this.onState('pending', null);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), this.delay);
  }

  /** Sends what is pending now (after a save under way has finished). */
  flush(): Promise<void> {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inflight) return this.inflight.then(() => this.flush());
    return this.sendPending();
  }

  /** The page is going away: send at once, even while another save is under way. */
  flushNow(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending !== null) void this.sendPending();
  }

  private sendPending(): Promise<void> {
    const patch = this.pending;
    if (patch === null) return Promise.resolve();
    this.pending = null;
    live.delete(this as Saver<unknown>);
    this.onState('saving', null);
    const run = this.send(patch).then(
      () => {
        if (this.inflight === run) this.inflight = null;
        if (this.pending !== null) {
          this.onState('pending', null);
          if (this.timer === undefined) this.timer = window.setTimeout(() => void this.flush(), this.delay);
        } else {
          this.onState('saved', null, !this.announced);
          this.announced = true;
        }
      },
      (error: unknown) => {
        if (this.inflight === run) this.inflight = null;
        // Keep what was not saved; newer changes win over the failed ones.
        this.pending = this.pending === null ? patch : this.merge(patch, this.pending);
        live.add(this as Saver<unknown>);
        this.announced = false;
        this.onState('error', error);
      },
    );
    this.inflight = run;
    return run;
  }
}

export interface Autosave<P> {
  change: (patch: P) => void;
  flush: () => Promise<void>;
  state: SaveState;
  error: unknown;
  /** The polite live region says "Opgeslagen" once per editing session, never per keystroke. */
  announceSaved: boolean;
  /** A new editing session (a field got focus): the next save is announced again. */
  session: () => void;
}

/**
 * A saver bound to a component: flushed on unmount. `send` may change between renders (it is
 * read when a save starts).
 */
export function useAutosave<P>(send: (patch: P) => Promise<void>, merge: (older: P, newer: P) => P): Autosave<P> {
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const [announceSaved, setAnnounceSaved] = useState(false);
  const [saver] = useState(
    () =>
      new Saver<P>(send, merge, (next, err, announce) => {
        setState(next);
        setError(err);
        if (announce) setAnnounceSaved(true);
      }),
  );
  useEffect(() => {
    saver.setSend(send);
  }, [saver, send]);
  useEffect(() => () => void saver.flush(), [saver]);
  const change = useCallback((patch: P) => saver.change(patch), [saver]);
  const flush = useCallback(() => saver.flush(), [saver]);
  const session = useCallback(() => {
    saver.session();
    setAnnounceSaved(false);
  }, [saver]);
  return { change, flush, state, error, announceSaved, session };
}

/** The quiet status line of an editor: "Opslaan…", "Opgeslagen", or the error with a retry. */
export function SaveStatus<P>({ save, className }: { save: Autosave<P>; className?: string }) {
  const { t, locale } = useI18n();
  const message =
    save.error instanceof ApiError ? (locale === 'nl' ? save.error.nl : save.error.en) : String(save.error ?? '');
  return (
    <div className={`save-status${className ? ` ${className}` : ''}`} data-state={save.state}>
      {save.state === 'error' ? (
        <div className="save-status__error" role="alert">
          <span>
            {t('autosave.failed')} {message}
          </span>{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => void save.flush()}>
            {t('autosave.retry')}
          </button>
        </div>
      ) : (
        <span className="save-status__text" aria-hidden="true">
          {save.state === 'pending' || save.state === 'saving'
            ? t('autosave.saving')
            : save.state === 'saved'
              ? t('autosave.saved')
              : t('autosave.auto')}
        </span>
      )}
      <span className="visually-hidden" role="status">
        {save.state !== 'error' && save.announceSaved ? t('autosave.saved') : ''}
      </span>
    </div>
  );
}

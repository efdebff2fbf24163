/**
 * "Exporteren…": the user's notes and positions as Markdown, Word, PDF or W3C Web Annotation
 * JSON-LD, for the chosen letters, tags and parts. The file is made in main (`export.create`) and
 * saved here; "Afdrukken…" opens the print view of the same selection.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { ExportFormat } from '../../../../electron/shared/export';
import type { DocumentSummary } from '../../../../electron/shared/model';
import type { TagInfo } from '../../../../electron/shared/notes';
import { ApiError } from '../../api';
import { formatDate, useI18n, type Locale, type MessageKey, type Translate } from '../../i18n';
import { EXPORT_PARTS, navigate, type ExportPartName, type PrintParams } from '../../router';
import { formatNumber } from '../notes/NoteEntry';
import { saveFile } from './files';

const FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'md', 'w3c'];

interface Done {
  fileName: string;
  counts: { letters: number; annotations: number; positions: number };
}

function plural(t: Translate, locale: Locale, n: number, key: 'positions' | 'annotations' | 'letters'): string {
  return n === 1
    ? t(`export.count.${key}.one` as MessageKey)
    : t(`export.count.${key}` as MessageKey, { n: formatNumber(n, locale) });
}

/** "3 standpunten en 12 notities uit 1 brief geëxporteerd naar standpuntbepaling.docx." */
export function exportSummary(t: Translate, locale: Locale, done: Done): string {
  const { counts } = done;
  if (counts.annotations === 0 && counts.positions === 0) return t('export.done.empty', { file: done.fileName });
  return t('export.done', {
    positions: plural(t, locale, counts.positions, 'positions'),
    annotations: plural(t, locale, counts.annotations, 'annotations'),
    letters: plural(t, locale, counts.letters, 'letters'),
    file: done.fileName,
  });
}

export function ExportDialog({
  api,
  preset,
  onClose,
}: {
  api: RaadsmapApi;
  /** What to preselect: the reader's letter, or the print view's selection. */
  preset: Partial<PrintParams>;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [letters, setLetters] = useState<DocumentSummary[] | null>(null);
  const [tags, setTags] = useState<TagInfo[] | null>(null);
  const [chosenLetters, setChosenLetters] = useState<string[]>(preset.documentIds ?? []);
  const [chosenTags, setChosenTags] = useState<string[]>(preset.tags ?? []);
  const [include, setInclude] = useState<ExportPartName[]>(preset.include?.length ? preset.include : [...EXPORT_PARTS]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ nl: string; en: string } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // The result shows above the buttons: scrolled into view when the dialog is taller than the window.
  useEffect(() => {
    if (done) doneRef.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    Promise.all([api['library.list']({}), api['tags.list']({})]).then(
      ([l, tg]) => {
        if (!live) return;
        setLetters(l);
        setTags(tg);
      },
      (e: unknown) => {
        if (live) setError(e instanceof ApiError ? { nl: e.nl, en: e.en } : { nl: String(e), en: String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const changed = () => {
    setDone(null);
    setError(null);
  };

  const request = () => ({
    documentIds: chosenLetters,
    tags: chosenTags,
    include: EXPORT_PARTS.filter((p) => include.includes(p)),
  });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (include.length === 0) return;
    setBusy(true);
    try {
      const r = request();
      const result = await api['export.create']({
        format,
        ...(r.documentIds.length ? { documentIds: r.documentIds } : {}),
        ...(r.tags.length ? { tags: r.tags } : {}),
        include: r.include,
      });
      saveFile(result.fileName, result.mimeType, result.dataBase64);
      setDone({ fileName: result.fileName, counts: result.counts });
    } catch (e) {
      setError(e instanceof ApiError ? { nl: e.nl, en: e.en } : { nl: String(e), en: String(e) });
    } finally {
      setBusy(false);
    }
  };

  const print = () => {
    if (include.length === 0) return;
    navigate({ name: 'print', params: request() });
    ref.current?.close();
  };

  const noParts = include.length === 0;

  return (
    <dialog
      ref={ref}
      className="dialog dialog--export"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('export.title')}</h2>
        <p id={`${id}-intro`}>{t('export.intro')}</p>

        <fieldset className="export-fieldset" disabled={busy}>
          <legend>{t('export.format')}</legend>
          <ul className="export-choices">
            {FORMATS.map((f) => (
              <li key={f}>
                <label className="check export-choice">
                  <input
                    type="radio"
                    name={`${id}-format`}
                    value={f}
                    checked={format === f}
                    aria-describedby={`${id}-${f}-hint`}
                    onChange={() => {
                      setFormat(f);
                      changed();
                    }}
                  />
                  <span>
                    <span className="export-choice__name">{t(`export.format.${f}` as MessageKey)}</span>
                    <span className="export-choice__hint" id={`${id}-${f}-hint`}>
                      {t(`export.format.${f}.hint` as MessageKey)}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <fieldset
          className="export-fieldset"
          disabled={busy}
          aria-describedby={noParts ? `${id}-parts-error` : undefined}
        >
          <legend>{t('export.include')}</legend>
          <ul className="export-checks export-checks--inline">
            {EXPORT_PARTS.map((p) => (
              <li key={p}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={include.includes(p)}
                    onChange={(e) => {
                      setInclude((list) => toggle(list, p, e.target.checked));
                      changed();
                    }}
                  />
                  <span>{t(`export.include.${p}` as MessageKey)}</span>
                </label>
              </li>
            ))}
          </ul>
          {noParts && (
            <p className="field-error" id={`${id}-parts-error`}>
              {t('export.include.required')}
            </p>
          )}
        </fieldset>

        <fieldset className="export-fieldset" disabled={busy} aria-describedby={`${id}-letters-hint`}>
          <legend>{t('export.letters')}</legend>
          <p className="field-hint" id={`${id}-letters-hint`}>
            {t('export.letters.hint')}
          </p>
          {letters === null ? (
            <p>{t('app.loading')}</p>
          ) : letters.length === 0 ? (
            <p className="muted">{t('export.letters.none')}</p>
          ) : (
            <ul className="export-checks">
              {letters.map((l) => (
                <li key={l.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosenLetters.includes(l.id)}
                      onChange={(e) => {
                        setChosenLetters((list) => toggle(list, l.id, e.target.checked));
                        changed();
                      }}
                    />
                    <span>
                      {l.title}
                      <span className="muted">
                        {' '}
                        ({[l.reference, l.date ? formatDate(l.date, locale) : null].filter(Boolean).join(', ')})
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <fieldset className="export-fieldset" disabled={busy} aria-describedby={`${id}-tags-hint`}>
          <legend>{t('export.tags')}</legend>
          <p className="field-hint" id={`${id}-tags-hint`}>
            {t('export.tags.hint')}
          </p>
          {tags === null ? (
            <p>{t('app.loading')}</p>
          ) : tags.length === 0 ? (
            <p className="muted">{t('export.tags.none')}</p>
          ) : (
            <ul className="export-checks export-checks--inline">
              {tags.map((tag) => (
                <li key={tag.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosenTags.includes(tag.name)}
                      onChange={(e) => {
                        setChosenTags((list) => toggle(list, tag.name, e.target.checked));
                        changed();
                      }}
                    />
                    <span>{tag.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        {error && (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">{t('export.failed')}</p>
            <p>{locale === 'nl' ? error.nl : error.en}</p>
            <p className="muted" lang={locale === 'nl' ? 'en' : 'nl'}>
              {locale === 'nl' ? error.en : error.nl}
            </p>
          </div>
        )}
        <div role="status" className="export-status">
          {busy ? (
            <p>{t('export.busy')}</p>
          ) : done ? (
            <div className="alert alert--success" data-testid="export-done" ref={doneRef}>
              <p className="alert__title">{exportSummary(t, locale, done)}</p>
              <p>{t('export.done.where')}</p>
            </div>
          ) : null}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => ref.current?.close()}>
            {done ? t('export.close') : t('export.cancel')}
          </button>
          <button type="button" className="button button--secondary" onClick={print} disabled={busy || noParts}>
            {t('export.print')}
          </button>
          <button type="submit" className="button" disabled={busy || noParts}>
            {t('export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

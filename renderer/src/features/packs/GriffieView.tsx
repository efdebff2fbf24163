/**
 * "Griffie" (`#/griffie`): a griffier builds a pack without a terminal. Choose the letter files
 * (each one's parsed structure or its refusal is shown at once), give each letter tags, fill in the
 * pack's facts (with messages tied to their fields), optionally choose the griffie's private key to
 * sign, and build: the pack is saved as a download, and the signing key's fingerprint is shown so
 * the griffier can pass it on to the council members.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RaadsmapApi, Result } from '../../../../electron/shared/contract';
import type { GriffieParsed } from '../../../../electron/shared/packs';
import { ApiError } from '../../api';
import { formatDate, useI18n, type MessageKey } from '../../i18n';
import { hasNavigated } from '../../router';
import { BilingualError, type Bilingual } from '../backup/BilingualError';
import { saveFile } from '../export/files';
import { Fingerprint } from './Fingerprint';
import { toBase64 } from './open';

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LETTER_BYTES = 50 * 1024 * 1024;

interface Letter {
  fileName: string;
  dataBase64: string;
  parsed: GriffieParsed | null;
  tags: string;
}

interface Form {
  id: string;
  title: string;
  version: string;
  publisher: string;
  issued: string;
  meetingDate: string;
  amendmentDeadline: string;
  changelog: string;
}

type Field = keyof Form | 'letters';

const EMPTY: Form = {
  id: '',
  title: '',
  version: '1',
  publisher: '',
  issued: '',
  meetingDate: '',
  amendmentDeadline: '',
  changelog: '',
};

function bilingual(e: unknown): Bilingual {
  return e instanceof ApiError ? { nl: e.nl, en: e.en } : { nl: String(e), en: String(e) };
}

function validate(form: Form, letters: Letter[]): Partial<Record<Field, MessageKey>> {
  const errors: Partial<Record<Field, MessageKey>> = {};
  if (letters.length === 0) errors.letters = 'griffie.error.letters';
  else if (letters.some((l) => !l.parsed || l.parsed.error)) errors.letters = 'griffie.error.lettersBad';
  if (!ID_PATTERN.test(form.id.trim())) errors.id = 'griffie.error.id';
  if (!form.title.trim()) errors.title = 'griffie.error.title';
  const version = Number(form.version);
  if (!/^\d+$/.test(form.version.trim()) || !Number.isInteger(version) || version < 1 || version > 1_000_000) {
    errors.version = 'griffie.error.version';
  }
  for (const field of ['issued', 'meetingDate', 'amendmentDeadline'] as const) {
    if (form[field] && !ISO.test(form[field])) errors[field] = 'griffie.error.date';
  }
  if (
    !errors.amendmentDeadline &&
    form.amendmentDeadline &&
    form.meetingDate &&
    form.amendmentDeadline > form.meetingDate
  ) {
    errors.amendmentDeadline = 'griffie.error.deadline';
  }
  return errors;
}

const ORDER: Field[] = ['letters', 'id', 'title', 'version', 'publisher', 'issued', 'meetingDate', 'amendmentDeadline'];

export function GriffieView({ api, onError }: { api: RaadsmapApi; onError: (e: unknown) => void }) {
  const { t, locale } = useI18n();
  const base = useId();
  const fieldId = (f: Field) => `${base}-${f}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [letters, setLetters] = useState<Letter[]>([]);
  const [reading, setReading] = useState(false);
  const [form, setForm] = useState<Form>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [key, setKey] = useState<{ name: string; pem: string } | null>(null);
  const [building, setBuilding] = useState(false);
  const [buildError, setBuildError] = useState<Bilingual | null>(null);
  const [built, setBuilt] = useState<Result<'griffie.build'> | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('griffie.title')} — Raadsmap`;
  }, [t]);
  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);

  // A pack built: focus its result (file name, fingerprint), so it is read out.
  useEffect(() => {
    if (built) resultRef.current?.focus();
  }, [built]);

  // After a first attempt, messages follow the fields as they are corrected.
  const errors = useMemo(
    () => (submitted ? validate(form, letters) : ({} as Partial<Record<Field, MessageKey>>)),
    [form, letters, submitted],
  );

  const set = (field: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = e.target.value;
    setForm((f) => ({ ...f, [field]: value }));
    setBuilt(null);
  };

  const addFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setReading(true);
    setBuilt(null);
    try {
      const read: Letter[] = [];
      const refused: Letter[] = [];
      for (const file of [...files]) {
        if (file.size > MAX_LETTER_BYTES) {
          const mb = (file.size / 1024 / 1024).toFixed(1);
          refused.push({
            fileName: file.name,
            dataBase64: '',
            tags: '',
            parsed: {
              fileName: file.name,
              document: null,
              error: {
                code: 'too-large',
                nl: `“${file.name}” is te groot (${mb} MB); een brief mag hoogstens 50 MB zijn.`,
                en: `“${file.name}” is too large (${mb} MB); a letter may be at most 50 MB.`,
              },
            },
          });
          continue;
        }
        read.push({
          fileName: file.name,
          dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
          parsed: null,
          tags: '',
        });
      }
      if (read.length > 0) {
        const parsed = await api['griffie.preview']({
          files: read.map((l) => ({ fileName: l.fileName, dataBase64: l.dataBase64 })),
        });
        read.forEach((l, i) => (l.parsed = parsed[i] ?? null));
      }
      setLetters((current) => {
        const names = new Set([...read, ...refused].map((l) => l.fileName));
        return [...current.filter((l) => !names.has(l.fileName)), ...read, ...refused];
      });
      if (!form.title && read[0]?.parsed?.document) {
        // A sensible start for a one-letter pack; the griffier can change it.
        const title = read[0].parsed.document.title;
        setForm((f) => (f.title ? f : { ...f, title }));
      }
    } catch (e) {
      onError(e);
    } finally {
      setReading(false);
    }
  };

  const chooseKey = async (file: File | undefined) => {
    setBuilt(null);
    if (!file) return;
    setKey({ name: file.name, pem: await file.text() });
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setBuildError(null);
    const found = validate(form, letters);
    const first = ORDER.find((f) => found[f]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBuilding(true);
    try {
      const result = await api['griffie.build']({
        files: letters.map((l) => ({ fileName: l.fileName, dataBase64: l.dataBase64 })),
        meta: {
          id: form.id.trim(),
          title: form.title.trim(),
          version: Number(form.version),
          publisher: form.publisher.trim() || null,
          issued: form.issued || null,
          meetingDate: form.meetingDate || null,
          amendmentDeadline: form.amendmentDeadline || null,
          changelog: form.changelog,
        },
        documents: letters.map((l) => ({
          fileName: l.fileName,
          tags: [
            ...new Set(
              l.tags
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            ),
          ],
        })),
        ...(key ? { privateKeyPem: key.pem } : {}),
      });
      setBuilt(result);
      saveFile(result.fileName, 'application/octet-stream', result.dataBase64);
    } catch (e) {
      setBuildError(bilingual(e));
    } finally {
      setBuilding(false);
    }
  };

  const describedBy = (f: Field, hint = false) =>
    [hint ? `${fieldId(f)}-hint` : '', errors[f] ? `${fieldId(f)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorText = (f: Field) =>
    errors[f] ? (
      <p className="field-error" id={`${fieldId(f)}-error`}>
        {t(errors[f]!)}
      </p>
    ) : null;
  const errorCount = Object.keys(errors).length;

  const textField = (
    f: Exclude<keyof Form, 'changelog'>,
    options: {
      type?: string;
      optional?: boolean;
      hint?: MessageKey;
      inputMode?: 'numeric';
      autoComplete?: string;
    } = {},
  ) => (
    <div className="form-field">
      <label htmlFor={fieldId(f)} className="field-label">
        {t(`griffie.field.${f}` as MessageKey)}
        {options.optional && <span className="field-optional"> {t('griffie.optional')}</span>}
      </label>
      {options.hint && (
        <p className="field-hint" id={`${fieldId(f)}-hint`}>
          {t(options.hint)}
        </p>
      )}
      <input
        id={fieldId(f)}
        className="text-input"
        type={options.type ?? 'text'}
        value={form[f]}
        onChange={set(f)}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={describedBy(f, !!options.hint)}
        inputMode={options.inputMode}
        autoComplete={options.autoComplete ?? 'off'}
        required={!options.optional}
      />
      {errorText(f)}
    </div>
  );

  return (
    <div className="page page--griffie" data-testid="griffie-ready">
      <h1 ref={heading} tabIndex={-1}>
        {t('griffie.title')}
      </h1>
      <p className="lead">{t('griffie.intro')}</p>
      <form onSubmit={submit} noValidate>
        {submitted && errorCount > 0 && (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">
              {errorCount === 1 ? t('griffie.errors.one') : t('griffie.errors', { n: errorCount })}
            </p>
          </div>
        )}
        <fieldset className="griffie-step">
          <legend>{t('griffie.step.letters')}</legend>
          <label htmlFor={fieldId('letters')} className="field-label">
            {t('griffie.files')}
          </label>
          <p className="field-hint" id={`${fieldId('letters')}-hint`}>
            {t('griffie.files.hint')}
          </p>
          <input
            id={fieldId('letters')}
            type="file"
            multiple
            accept=".txt,.md,.markdown,.pdf,.html,.htm,.docx,text/plain,text/markdown,application/pdf,text/html"
            aria-describedby={describedBy('letters', true)}
            aria-invalid={errors.letters ? true : undefined}
            disabled={reading || building}
            onChange={(e) => {
              void addFiles(e.target.files);
              e.target.value = '';
            }}
          />
          {errorText('letters')}
          {reading && <p role="status">{t('griffie.files.reading')}</p>}
          {letters.length === 0 ? (
            <p className="muted">{t('griffie.files.none')}</p>
          ) : (
            <ul className="griffie-letters" aria-label={t('griffie.files.list')}>
              {letters.map((l, i) => (
                <LetterCard
                  key={l.fileName}
                  letter={l}
                  tagsId={`${base}-tags-${i}`}
                  onTags={(tags) => setLetters((all) => all.map((x) => (x === l ? { ...x, tags } : x)))}
                  onRemove={() => {
                    setLetters((all) => all.filter((x) => x !== l));
                    setBuilt(null);
                    window.setTimeout(() => document.getElementById(fieldId('letters'))?.focus(), 0);
                  }}
                />
              ))}
            </ul>
          )}
        </fieldset>

        <fieldset className="griffie-step">
          <legend>{t('griffie.step.details')}</legend>
          <div className="form-grid">
            {textField('id', { hint: 'griffie.field.id.hint' })}
            {textField('title')}
            {textField('version', { hint: 'griffie.field.version.hint', inputMode: 'numeric' })}
            {textField('publisher', { optional: true, autoComplete: 'organization' })}
            {textField('issued', { type: 'date', optional: true })}
            {textField('meetingDate', { type: 'date', optional: true })}
            {textField('amendmentDeadline', { type: 'date', optional: true })}
          </div>
          <div className="form-field">
            <label htmlFor={fieldId('changelog')} className="field-label">
              {t('griffie.field.changelog')}
              <span className="field-optional"> {t('griffie.optional')}</span>
            </label>
            <p className="field-hint" id={`${fieldId('changelog')}-hint`}>
              {t('griffie.field.changelog.hint')}
            </p>
            <textarea
              id={fieldId('changelog')}
              className="text-input"
              rows={4}
              value={form.changelog}
              onChange={set('changelog')}
              aria-describedby={`${fieldId('changelog')}-hint`}
            />
          </div>
        </fieldset>

        <fieldset className="griffie-step">
          <legend>{t('griffie.step.sign')}</legend>
          <label htmlFor={`${base}-key`} className="field-label">
            {t('griffie.key')}
            <span className="field-optional"> {t('griffie.optional')}</span>
          </label>
          <p className="field-hint" id={`${base}-key-hint`}>
            {t('griffie.key.hint')}
          </p>
          <input
            id={`${base}-key`}
            ref={keyInput}
            type="file"
            accept=".key,.pem"
            aria-describedby={`${base}-key-hint`}
            onChange={(e) => void chooseKey(e.target.files?.[0])}
          />
          {key && (
            <p className="griffie-key">
              {t('griffie.key.chosen', { name: key.name })}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setKey(null);
                  if (keyInput.current) keyInput.current.value = '';
                  keyInput.current?.focus();
                }}
              >
                {t('griffie.key.clear')}
              </button>
            </p>
          )}
        </fieldset>

        <div className="griffie-build">
          <button type="submit" className="button" disabled={building || reading}>
            {building ? t('griffie.building') : t('griffie.build')}
          </button>
          {building && (
            <p role="status" className="visually-hidden">
              {t('griffie.building')}
            </p>
          )}
        </div>
        {buildError && (
          <BilingualError title={t('griffie.failed')} error={buildError}>
            <p>{t('griffie.failed.nothing')}</p>
          </BilingualError>
        )}
      </form>

      {built && (
        <div
          className="alert alert--success griffie-result"
          ref={resultRef}
          tabIndex={-1}
          role="region"
          aria-labelledby={`${base}-result`}
          data-testid="griffie-result"
        >
          <h2 className="alert__title" id={`${base}-result`}>
            {t('griffie.done.title')}
          </h2>
          <p>
            {t('griffie.done', {
              file: built.fileName,
              letters:
                built.documentCount === 1 ? t('library.count.one') : t('library.count', { n: built.documentCount }),
              size: formatSize(built.bytes, locale),
            })}
          </p>
          {built.fingerprint ? (
            <>
              <p>{t('griffie.done.signed')}</p>
              <p className="fingerprint-box" data-testid="griffie-fingerprint">
                <Fingerprint value={built.fingerprint} />
              </p>
              <p>{t('griffie.done.tell')}</p>
            </>
          ) : (
            <p>{t('griffie.done.unsigned')}</p>
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => saveFile(built.fileName, 'application/octet-stream', built.dataBase64)}
          >
            {t('griffie.saveAgain')}
          </button>
        </div>
      )}
    </div>
  );
}

function formatSize(bytes: number, locale: string): string {
  const format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${format.format(bytes / 1024)} kB` : `${format.format(bytes / 1024 / 1024)} MB`;
}

function LetterCard({
  letter,
  tagsId,
  onTags,
  onRemove,
}: {
  letter: Letter;
  tagsId: string;
  onTags: (tags: string) => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const doc = letter.parsed?.document ?? null;
  const error = letter.parsed?.error ?? null;
  return (
    <li className={`griffie-letter${error ? ' griffie-letter--error' : ''}`} data-file={letter.fileName}>
      <div className="griffie-letter__head">
        <p className="griffie-letter__file">{letter.fileName}</p>
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t('griffie.file.remove')}
          <span className="visually-hidden"> ({letter.fileName})</span>
        </button>
      </div>
      {error && <BilingualError title={t('griffie.file.error')} error={error} />}
      {doc && (
        <>
          <p className="griffie-letter__title" lang="nl">
            {doc.title}
          </p>
          <dl className="facts facts--compact">
            <div className="facts__row">
              <dt>{t('meta.reference')}</dt>
              <dd>{doc.reference ?? '—'}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('meta.date')}</dt>
              <dd>{doc.date && ISO.test(doc.date) ? formatDate(doc.date, locale) : (doc.date ?? '—')}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('griffie.file.paragraphs')}</dt>
              <dd>{doc.paragraphCount}</dd>
            </div>
          </dl>
          <details className="griffie-letter__details">
            <summary>
              {t('griffie.file.sections', { n: doc.sections.length })}
              {', '}
              {t('griffie.file.decisions', { n: doc.decisions.length })}
            </summary>
            {doc.sections.length > 0 && (
              <ol className="griffie-letter__sections" lang="nl">
                {doc.sections.map((s, i) => (
                  <li key={i} style={{ marginInlineStart: `${Math.max(0, s.level - 1)}rem` }}>
                    {s.title}
                  </li>
                ))}
              </ol>
            )}
            {doc.decisions.length > 0 && (
              <ul className="griffie-letter__decisions" lang="nl">
                {doc.decisions.map((d) => (
                  <li key={d.label}>
                    <strong>{d.label}</strong> {d.text}
                  </li>
                ))}
              </ul>
            )}
          </details>
          <div className="form-field">
            <label htmlFor={tagsId} className="field-label">
              {t('griffie.file.tags')}
              <span className="field-optional"> {t('griffie.optional')}</span>
            </label>
            <p className="field-hint" id={`${tagsId}-hint`}>
              {t('griffie.file.tags.hint')}
            </p>
            <input
              id={tagsId}
              className="text-input"
              type="text"
              value={letter.tags}
              onChange={(e) => onTags(e.target.value)}
              aria-describedby={`${tagsId}-hint`}
            />
          </div>
        </>
      )}
    </li>
  );
}

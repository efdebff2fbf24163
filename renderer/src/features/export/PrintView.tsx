/**
 * The print view (`#/afdrukken?…`): what an export holds, as a page to print — per letter the
 * decision table with the stances, then per decision the reasoning, questions, inbreng, drafts and
 * the passages it rests on, then the highlighted passages with their notes. Print CSS hides the
 * app around it and starts every letter on a new page; "Afdrukken" calls `window.print()` (the
 * browser's print is also the way to a PDF).
 */
import { useEffect, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { LetterDocument } from '../../../../electron/shared/model';
import { formatDate, useI18n, type MessageKey } from '../../i18n';
import { defaultNotes, hasNavigated, hrefFor, type PrintParams } from '../../router';
import { stanceKey } from '../positions/PositionEditor';
import { openExport } from './files';
import { buildPrint, lettersNeeded, type PrintAnnotation, type PrintData, type PrintDecision } from './printModel';

export function PrintView({
  api,
  params,
  onError,
}: {
  api: RaadsmapApi;
  params: PrintParams;
  onError: (e: unknown) => void;
}) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<PrintData | null>(null);
  const [made] = useState(() => new Date());
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('print.title')} — Raadsmap`;
  }, [t]);

  useEffect(() => {
    let live = true;
    (async () => {
      const [overview, library] = await Promise.all([api['notes.overview']({}), api['library.list']({})]);
      const source = { ...overview, library };
      const ids = lettersNeeded(source, params);
      const docs = await Promise.all(ids.map((id) => api['documents.get']({ id })));
      // The positions as the reader shows them (`positions.list`), so a letter's decisions are current.
      const lists = await Promise.all(ids.map((id) => api['positions.list']({ documentId: id })));
      const positions = [
        ...overview.positions.filter((p) => !ids.includes(p.documentId)),
        ...lists.flat().filter((p) => p.updatedAt !== null),
      ];
      const documents = new Map<string, LetterDocument>(docs.map((d) => [d.id, d]));
      if (live) setData(buildPrint({ ...source, positions, documents }, params));
    })().catch((e: unknown) => {
      if (live) onError(e);
    });
    return () => {
      live = false;
    };
  }, [api, params, onError]);

  useEffect(() => {
    if (data && hasNavigated()) heading.current?.focus();
  }, [data]);

  const parts = (params.include.length ? params.include : (['annotations', 'notes', 'positions', 'questions'] as const))
    .map((p) => t(`export.include.${p}` as MessageKey).toLowerCase())
    .join(', ');
  const letterNames =
    data && params.documentIds.length
      ? t('print.selection.letters', { list: data.letters.map((l) => l.reference ?? l.title).join(', ') })
      : t('print.selection.all');
  const selection = [
    letterNames,
    params.tags.length ? t('print.selection.tags', { list: params.tags.join(', ') }) : null,
    t('print.selection.parts', { list: parts }),
  ]
    .filter(Boolean)
    .join(' · ');
  const madeText = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(made);

  return (
    <div className="page page--print" data-testid={data ? 'print-ready' : 'print-loading'}>
      <div className="print-toolbar">
        <a className="button button--secondary button--link" href={hrefFor({ name: 'notes', params: defaultNotes() })}>
          {t('print.back')}
        </a>
        <button type="button" className="button button--secondary" onClick={() => openExport(params)}>
          {t('print.change')}
        </button>
        <button type="button" className="button" onClick={() => window.print()} disabled={!data}>
          {t('print.button')}
        </button>
        <p className="print-toolbar__hint muted">{t('print.hint')}</p>
      </div>
      <header className="print-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('print.title')}
        </h1>
        <p className="print-head__meta">
          {t('print.made', { date: madeText })}
          <br />
          {selection}
        </p>
      </header>
      {!data ? (
        <p role="status">{t('app.loading')}</p>
      ) : data.letters.length === 0 ? (
        <p className="notes-empty">{t('print.empty')}</p>
      ) : (
        data.letters.map((letter) => (
          <article key={letter.documentId} className="print-letter" aria-labelledby={`print-${letter.documentId}`}>
            <h2 id={`print-${letter.documentId}`}>{letter.title}</h2>
            <p className="print-letter__meta">
              {[letter.reference, letter.date ? formatDate(letter.date, locale) : null].filter(Boolean).join(' · ')}
              {letter.tags.length > 0 && (
                <>
                  {letter.reference || letter.date ? ' · ' : ''}
                  {t('print.letterTags', { list: letter.tags.join(', ') })}
                </>
              )}
            </p>
            {!letter.installed && <p className="notice notice--warn">{t('print.notInstalled')}</p>}
            {letter.decisions.length > 0 && <Decisions title={letter.title} decisions={letter.decisions} />}
            {letter.annotations.length > 0 && (
              <section className="print-section" aria-labelledby={`print-${letter.documentId}-notes`}>
                <h3 id={`print-${letter.documentId}-notes`}>{t('print.annotations')}</h3>
                <ol className="print-passages">
                  {letter.annotations.map((a) => (
                    <li key={a.annotation.id}>
                      <Passage passage={a} reference={letter.reference} />
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </article>
        ))
      )}
    </div>
  );
}

function Decisions({ title, decisions }: { title: string; decisions: PrintDecision[] }) {
  const { t } = useI18n();
  return (
    <section className="print-section">
      <h3>{t('print.decisions')}</h3>
      <div className="table-wrap">
        <table className="print-table">
          <caption className="visually-hidden">{t('print.table.caption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('print.table.decision')}</th>
              <th scope="col">{t('print.table.text')}</th>
              <th scope="col">{t('print.table.stance')}</th>
              <th scope="col">{t('print.table.status')}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => {
              const stance = d.position?.stance ?? 'nog-bepalen';
              return (
                <tr key={d.label}>
                  <th scope="row">{d.label}</th>
                  <td>{d.text}</td>
                  <td>
                    <span className={`stance-badge stance-badge--${stance}`}>{t(stanceKey(stance))}</span>
                  </td>
                  <td>
                    {d.position ? t(`position.status.${d.position.status}` as MessageKey) : t('print.status.none')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {decisions
        .filter((d) => d.position)
        .map((d) => (
          <DecisionDetail key={d.label} decision={d} />
        ))}
    </section>
  );
}

function DecisionDetail({ decision }: { decision: PrintDecision }) {
  const { t } = useI18n();
  const p = decision.position!;
  const motion = [
    { key: 'position.motion.findings', text: p.motion.findings },
    { key: 'position.motion.considerations', text: p.motion.considerations },
    { key: 'position.motion.requests', text: p.motion.requests },
  ].filter((m) => m.text.trim());
  return (
    <div className="print-decision">
      <h4>
        {t('reader.decision', { label: decision.label })}: {t(stanceKey(p.stance))}
        <span className="print-decision__status"> ({t(`position.status.${p.status}` as MessageKey)})</span>
      </h4>
      {decision.stemIntro && <p className="print-decision__stem">{decision.stemIntro}</p>}
      <p className="print-decision__text">{decision.text}</p>
      {p.decisionChanged && <p className="notice notice--warn">{t('print.decisionChanged')}</p>}
      <Field label={t('position.reasoning')} text={p.reasoning} />
      <Field label={t('print.questions')} text={p.questions} />
      <Field label={t('print.inbreng')} text={p.inbreng} />
      {p.stance === 'voor-met-amendement' || p.amendmentText.trim() ? (
        <Field label={t('print.amendment')} text={p.amendmentText} />
      ) : null}
      {motion.length > 0 && (
        <div className="print-field">
          <p className="print-field__label">{t('position.motion')}</p>
          {motion.map((m) => (
            <p key={m.key} className="print-field__text">
              <em>{t(m.key as MessageKey)}</em> {m.text}
            </p>
          ))}
        </div>
      )}
      {decision.passages.length > 0 && (
        <div className="print-field">
          <p className="print-field__label">{t('print.passages')}</p>
          <ul className="print-passages">
            {decision.passages.map((a) => (
              <li key={a.annotation.id}>
                <Passage passage={a} reference={null} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Field({ label, text }: { label: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <div className="print-field">
      <p className="print-field__label">{label}</p>
      <p className="print-field__text">{text}</p>
    </div>
  );
}

function Passage({ passage, reference }: { passage: PrintAnnotation; reference: string | null }) {
  const { t } = useI18n();
  const a = passage.annotation;
  const where = [
    reference,
    passage.sectionPath.length ? passage.sectionPath.join(' › ') : null,
    passage.decisionLabel ? t('reader.decision', { label: passage.decisionLabel }).toLowerCase() : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <figure className="print-passage">
      <blockquote className="print-passage__quote">
        <p>{a.quote.exact}</p>
      </blockquote>
      <figcaption>
        {where && <span className="print-passage__where">{where}</span>}
        {a.anchor !== 'anchored' && (
          <span className="print-passage__anchor">{t(`print.anchor.${a.anchor}` as MessageKey)}</span>
        )}
        {passage.note.trim() && <span className="print-passage__note">{passage.note}</span>}
        {a.tags.length > 0 && (
          <span className="print-passage__tags">{t('print.tags', { list: a.tags.join(', ') })}</span>
        )}
        {a.origin?.creator && <span className="print-passage__by">{t('print.by', { name: a.origin.creator })}</span>}
      </figcaption>
    </figure>
  );
}

/**
 * "Wat is er veranderd" (`#/pakketten/update/<id>`): one install, update or removal. The letters
 * that came, changed or went (with links); per changed letter a readable diff (unchanged paragraphs
 * collapsed to a count, changed paragraphs with word-level <ins>/<del>, named in words as well);
 * what happened to each of the user's notes, grouped ongewijzigd / verplaatst / controleren /
 * verweesd; and the positions whose decision text changed or disappeared.
 */
import { useEffect, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { BlockDiff, NoteReportEntry, PackUpdateDetail, PositionReview } from '../../../../electron/shared/packs';
import { ApiError } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { hasNavigated, hrefFor } from '../../router';
import { BilingualError, type Bilingual } from '../backup/BilingualError';
import { formatDateTime } from '../backup/BackupView';

const STATES = ['anchored', 'moved', 'changed', 'orphan'] as const;

export function UpdateView({ api, id, onError }: { api: RaadsmapApi; id: number; onError: (e: unknown) => void }) {
  const { t, locale } = useI18n();
  const [detail, setDetail] = useState<PackUpdateDetail | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('update.title')} — Raadsmap`;
  }, [t]);

  useEffect(() => {
    let live = true;
    api['packs.update']({ id }).then(
      (d) => live && setDetail(d),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError) setError({ nl: e.nl, en: e.en });
        else onError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [api, id, onError]);

  const ready = detail !== null || error !== null;
  useEffect(() => {
    if (ready && hasNavigated()) heading.current?.focus();
  }, [ready]);

  const versions = detail
    ? detail.kind === 'update'
      ? t('update.sub.update', { from: detail.fromVersion ?? '?', to: detail.toVersion ?? '?' })
      : detail.kind === 'install'
        ? t('update.sub.install', { to: detail.toVersion ?? '?' })
        : t('update.sub.remove', { from: detail.fromVersion ?? '?' })
    : '';

  return (
    <div className="page page--update" data-testid={detail ? 'update-ready' : 'update-loading'}>
      <p className="page-back">
        <a href={hrefFor({ name: 'packs' })}>← {t('update.back')}</a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('update.title')}
      </h1>
      {error && <BilingualError title={t('update.notFound')} error={error} />}
      {!detail && !error && <p role="status">{t('app.loading')}</p>}
      {detail && (
        <>
          <p className="lead">
            <span lang="nl">{detail.packTitle}</span>: {versions} · {formatDateTime(detail.at, locale)}
          </p>
          <Summary detail={detail} />
          {detail.documents.length > 0 && (
            <section aria-labelledby="diff-title" className="update-section">
              <h2 id="diff-title">{t('update.diff.title')}</h2>
              <DiffLegend />
              {detail.documents.map((doc) => (
                <LetterDiff key={doc.id} id={doc.id} title={doc.title} blocks={doc.blocks} />
              ))}
            </section>
          )}
          <NotesReport report={detail.report} kind={detail.kind} />
          {detail.positions.length > 0 && <Positions positions={detail.positions} />}
        </>
      )}
    </div>
  );
}

function Summary({ detail }: { detail: PackUpdateDetail }) {
  const { t } = useI18n();
  const groups = [
    { key: 'added', docs: detail.added, link: true },
    { key: 'changed', docs: detail.changed, link: true },
    { key: 'removed', docs: detail.removed, link: false },
  ] as const;
  const counts = STATES.map((s) => ({ state: s, n: detail.notes[s] ?? 0 }));
  return (
    <section aria-labelledby="summary-title" className="update-section">
      <h2 id="summary-title">{t('update.summary')}</h2>
      <div className="update-summary">
        {groups.map(({ key, docs, link }) => (
          <div key={key} className={`update-summary__group update-summary__group--${key}`}>
            <h3 className="update-summary__title">
              {t(`update.docs.${key}` as MessageKey)} <span className="update-summary__count">({docs.length})</span>
            </h3>
            {docs.length === 0 ? (
              <p className="muted">{t('update.none')}</p>
            ) : (
              <ul className="update-summary__list">
                {docs.map((d) => (
                  <li key={d.id} lang="nl">
                    {link ? (
                      <a href={hrefFor({ name: 'reader', documentId: d.id, target: null })}>{d.title}</a>
                    ) : (
                      d.title
                    )}
                  </li>
                ))}
              </ul>
            )}
            {key === 'removed' && docs.length > 0 && <p className="field-hint">{t('update.docs.removed.hint')}</p>}
          </div>
        ))}
      </div>
      <p className="update-summary__notes" data-testid="update-note-counts">
        {t('update.noteCounts', {
          anchored: counts[0]!.n,
          moved: counts[1]!.n,
          changed: counts[2]!.n,
          orphan: counts[3]!.n,
        })}
        {detail.positionsToReview > 0 && <> {t('update.positionCount', { n: detail.positionsToReview })}</>}
      </p>
    </section>
  );
}

export function DiffLegend() {
  const { t } = useI18n();
  return (
    <p className="diff-legend">
      <span className="diff-legend__title">{t('update.diff.legend')}</span>{' '}
      <ins className="diff-ins">{t('update.diff.legend.ins')}</ins>{' '}
      <del className="diff-del">{t('update.diff.legend.del')}</del>
    </p>
  );
}

function LetterDiff({ id, title, blocks }: { id: string; title: string; blocks: BlockDiff[] }) {
  const { t } = useI18n();
  const changes = blocks.filter((b) => b.op !== 'same').length;
  return (
    <article className="letter-diff" aria-labelledby={`diff-${id}`} data-testid="letter-diff">
      <div className="letter-diff__head">
        <h3 id={`diff-${id}`} lang="nl">
          {title}
        </h3>
        <a href={hrefFor({ name: 'reader', documentId: id, target: null })}>
          {t('update.openLetter')}
          <span className="visually-hidden"> ({title})</span>
        </a>
      </div>
      <p className="muted">{changes === 1 ? t('update.diff.changes.one') : t('update.diff.changes', { n: changes })}</p>
      <ol className="diff" lang="nl">
        {blocks.map((b, i) => (
          <DiffBlock key={i} block={b} />
        ))}
      </ol>
    </article>
  );
}

function DiffBlock({ block }: { block: BlockDiff }) {
  const { t } = useI18n();
  if (block.op === 'same') {
    return (
      <li className="diff__block diff__block--same" lang={undefined}>
        <span className="diff__same">
          {block.count === 1 ? t('update.diff.same.one') : t('update.diff.same', { n: block.count })}
        </span>
      </li>
    );
  }
  const label = (
    <span className="diff__label" lang={undefined}>
      {t(`update.diff.${block.op}` as MessageKey)}
    </span>
  );
  if (block.op === 'changed') {
    return (
      <li className="diff__block diff__block--changed">
        {label}
        <p className="diff__text">
          {block.words.map((w, i) =>
            w.op === 'same' ? (
              <span key={i}>{w.text}</span>
            ) : w.op === 'added' ? (
              <ins key={i} className="diff-ins">
                <span className="visually-hidden">[{t('update.diff.ins')} </span>
                {w.text}
                <span className="visually-hidden">]</span>
              </ins>
            ) : (
              <del key={i} className="diff-del">
                <span className="visually-hidden">[{t('update.diff.del')} </span>
                {w.text}
                <span className="visually-hidden">]</span>
              </del>
            ),
          )}
        </p>
      </li>
    );
  }
  return (
    <li className={`diff__block diff__block--${block.op}`}>
      {label}
      <p className="diff__text">
        {block.op === 'added' ? (
          <ins className="diff-ins">{block.text}</ins>
        ) : block.op === 'removed' ? (
          <del className="diff-del">{block.text}</del>
        ) : (
          block.text
        )}
      </p>
    </li>
  );
}

function NotesReport({ report, kind }: { report: NoteReportEntry[]; kind: PackUpdateDetail['kind'] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="report-title" className="update-section" data-testid="note-report">
      <h2 id="report-title">{t('update.notes.title')}</h2>
      {report.length === 0 ? (
        <p>{kind === 'remove' ? t('update.notes.removed') : t('update.notes.none')}</p>
      ) : (
        <>
          <p>{t('update.notes.intro')}</p>
          {/* The notes that need a look first; unchanged ones last and folded away. */}
          {(['orphan', 'changed', 'moved', 'anchored'] as const).map((state) => {
            const items = report.filter((r) => r.state === state);
            const content = (
              <ul className="report-list">
                {items.map((r) => (
                  <ReportItem key={r.annotationId} entry={r} />
                ))}
              </ul>
            );
            const title = (
              <>
                {t(`review.state.${state}` as MessageKey)} <span className="report-group__count">({items.length})</span>
              </>
            );
            return (
              <div key={state} className={`report-group report-group--${state}`} data-state={state}>
                {state === 'anchored' && items.length > 0 ? (
                  <details>
                    <summary>
                      <h3 className="report-group__title">{title}</h3>
                    </summary>
                    <p className="report-group__explain">{t(`update.state.${state}` as MessageKey)}</p>
                    {content}
                  </details>
                ) : (
                  <>
                    <h3 className="report-group__title">{title}</h3>
                    <p className="report-group__explain">
                      {items.length === 0 ? t('update.none') : t(`update.state.${state}` as MessageKey)}
                    </p>
                    {items.length > 0 && content}
                  </>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}

function ReportItem({ entry }: { entry: NoteReportEntry }) {
  const { t } = useI18n();
  const needsLook = (entry.current ?? entry.state) === 'changed' || (entry.current ?? entry.state) === 'orphan';
  const href = hrefFor({
    name: 'reader',
    documentId: entry.documentId,
    target: needsLook ? 'nakijken' : null,
  });
  return (
    <li className="report-item" data-annotation-id={entry.annotationId}>
      <p className="report-item__doc" lang="nl">
        {entry.documentTitle}
      </p>
      <blockquote className="report-item__quote" lang="nl">
        <span className="visually-hidden">{t('overview.entry.quote')}: </span>“{entry.quote}”
      </blockquote>
      {entry.note.trim() && (
        <p className="report-item__note">
          <span className="visually-hidden">{t('overview.entry.note')}: </span>
          {entry.note}
        </p>
      )}
      <p className="report-item__actions">
        {entry.deleted ? (
          <span className="muted">{t('update.note.deleted')}</span>
        ) : (
          <>
            {entry.current && entry.current !== entry.state && (
              <span className="badge badge--text">
                {t('update.note.now', { state: t(`review.state.${entry.current}` as MessageKey) })}
              </span>
            )}{' '}
            <a href={href}>
              {needsLook ? t('update.note.review') : t('update.note.open')}
              <span className="visually-hidden"> (“{entry.quote.slice(0, 60)}”)</span>
            </a>
          </>
        )}
      </p>
    </li>
  );
}

function Positions({ positions }: { positions: PositionReview[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="positions-review-title" className="update-section" data-testid="positions-review">
      <h2 id="positions-review-title">{t('update.positions.title')}</h2>
      <p>{t('update.positions.intro')}</p>
      <ul className="report-list">
        {positions.map((p) => (
          <li key={`${p.documentId}:${p.decisionLabel}`} className="report-item">
            <p className="report-item__doc" lang="nl">
              {p.documentTitle}
            </p>
            <p className="report-item__head">
              <strong>{t('reader.decision', { label: p.decisionLabel })}</strong> ·{' '}
              {t(`overview.stance.${p.stance}` as MessageKey)} ·{' '}
              <span className="badge badge--warn">{t(`update.position.${p.reason}` as MessageKey)}</span>
            </p>
            <div className="position-diff">
              <figure className="position-diff__side">
                <figcaption>{t('update.position.old')}</figcaption>
                <blockquote lang="nl">{p.oldText ?? '—'}</blockquote>
              </figure>
              <figure className="position-diff__side">
                <figcaption>{t('update.position.new')}</figcaption>
                <blockquote lang="nl">{p.newText ?? t('update.position.gone')}</blockquote>
              </figure>
            </div>
            {p.reason === 'changed' && (
              <p>
                <a href={hrefFor({ name: 'reader', documentId: p.documentId, target: `besluit-${p.decisionLabel}` })}>
                  {t('update.position.open')}
                  <span className="visually-hidden"> ({t('reader.decision', { label: p.decisionLabel })})</span>
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

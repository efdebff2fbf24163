import { Fragment, useEffect, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { Decision, LetterDocument, Paragraph, Section } from '../../../../electron/shared/model';
import { ApiError } from '../../api';
import { formatDate, useI18n, type MessageKey } from '../../i18n';
import { hasNavigated, hrefFor } from '../../router';
import { ParagraphText } from './ParagraphText';

/** DOM ids for places in a letter; route targets use the bare ids (`s05`, `p012`, `besluit-1a`). */
export function domIdFor(target: string): string {
  if (/^s\d+$/.test(target)) return `sec-${target}`;
  if (/^p\d+$/.test(target)) return `par-${target}`;
  return target;
}

/** The letters are Dutch whatever the interface language: screen readers must read them as Dutch. */
const CONTENT_LANG = 'nl';

const LIST_KINDS = new Set<Paragraph['kind']>(['list-item', 'numbered-item', 'decision']);

interface Props {
  api: RaadsmapApi;
  documentId: string;
  target: string | null;
  onError: (e: unknown) => void;
}

export function ReaderView({ api, documentId, target, onError }: Props) {
  const { t, locale } = useI18n();
  const [doc, setDoc] = useState<LetterDocument | null>(null);
  const [missing, setMissing] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  // The contents are open beside the letter; in a narrow window (or at 200 % zoom) folded above it.
  const [tocOpen, setTocOpen] = useState(() => !window.matchMedia('(max-width: 52rem)').matches);

  useEffect(() => {
    let live = true;
    api['documents.get']({ id: documentId }).then(
      (d) => live && setDoc(d),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.code === 'document-not-found') setMissing(true);
        else onError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [api, documentId, onError]);

  useEffect(() => {
    if (doc) document.title = `${doc.title} — Raadsmap`;
  }, [doc]);

  // Jump to a section, paragraph or decision; otherwise start at the title.
  useEffect(() => {
    if (!doc) return;
    const el = target ? document.getElementById(domIdFor(target)) : null;
    if (el) {
      const focusable = (el.matches('h2, h3, h4, h5') ? el : el.querySelector<HTMLElement>('h2, h3, h4, h5')) ?? el;
      focusable.setAttribute('tabindex', '-1');
      el.scrollIntoView({ block: 'start' });
      focusable.focus({ preventScroll: true });
      el.classList.add('is-target');
      const timer = window.setTimeout(() => el.classList.remove('is-target'), 2500);
      return () => window.clearTimeout(timer);
    }
    if (hasNavigated()) title.current?.focus();
    window.scrollTo(0, 0);
    return undefined;
  }, [doc, target]);

  if (missing) {
    return (
      <div className="page">
        <h1 tabIndex={-1}>{t('reader.notFound')}</h1>
        <p>
          <a href={hrefFor({ name: 'library' })}>{t('reader.back')}</a>
        </p>
      </div>
    );
  }
  if (!doc) {
    return (
      <div className="page">
        <p role="status">{t('app.loading')}</p>
      </div>
    );
  }

  const link = (targetId: string) => hrefFor({ name: 'reader', documentId: doc.id, target: targetId });

  return (
    <div className="reader" data-testid="reader-ready">
      <aside className="reader__toc">
        <nav aria-label={t('reader.toc')}>
          <details open={tocOpen} onToggle={(e) => setTocOpen(e.currentTarget.open)}>
            <summary className="toc__title">{t('reader.toc')}</summary>
            <ol className="toc">
              <li>
                <a href={link('gegevens')}>{t('reader.metadata')}</a>
              </li>
              <li>
                <a href={link('besluiten')}>
                  {t('reader.decisions')} ({doc.decisions.length})
                </a>
              </li>
              <TocEntries sections={doc.sections} link={link} />
            </ol>
          </details>
        </nav>
      </aside>
      <article className="reader__article" aria-labelledby="doc-title">
        <p className="reader__back">
          <a href={hrefFor({ name: 'library' })}>← {t('reader.back')}</a>
        </p>
        <header className="letter-header" id="gegevens">
          <p className="letter-header__kicker">{doc.reference ?? t('reader.letter')}</p>
          <h1 id="doc-title" ref={title} tabIndex={-1} lang={CONTENT_LANG}>
            {doc.title}
          </h1>
          <h2 className="visually-hidden">{t('reader.metadata')}</h2>
          <dl className="metadata">
            <MetaRow label="meta.date" value={doc.date ? formatDate(doc.date, locale) : null} />
            <MetaRow label="meta.kenmerk" value={doc.kenmerk} />
            <MetaRow label="meta.reference" value={doc.reference} />
            <MetaRow label="meta.subject" value={doc.subject} />
            <MetaRow label="meta.attachments" value={doc.attachments} />
            <MetaRow label="meta.addressee" value={doc.addressee} />
            <MetaRow label="meta.signatory" value={doc.signatory || null} />
          </dl>
        </header>

        <DecisionsBlock decisions={doc.decisions} link={link} />

        <section className="letter-text" aria-labelledby="text-title" lang={CONTENT_LANG}>
          <h2 id="text-title" className="visually-hidden" lang={locale}>
            {t('reader.text')}
          </h2>
          {doc.sections.map((s) => (
            <SectionView key={s.id} section={s} link={link} />
          ))}
        </section>
      </article>
    </div>
  );
}

function MetaRow({ label, value }: { label: MessageKey; value: string | null }) {
  const { t } = useI18n();
  if (!value) return null;
  return (
    <div className="metadata__row">
      <dt>{t(label)}</dt>
      <dd lang={CONTENT_LANG}>{value}</dd>
    </div>
  );
}

function TocEntries({ sections, link }: { sections: Section[]; link: (id: string) => string }) {
  const { t } = useI18n();
  return (
    <>
      {sections.map((s) =>
        s.title === null ? (
          s.level === 0 && s.paragraphs.length ? (
            <li key={s.id}>
              <a href={link(s.id)}>{t('reader.intro')}</a>
            </li>
          ) : (
            <Fragment key={s.id} />
          )
        ) : (
          <li key={s.id}>
            <a href={link(s.id)} lang={CONTENT_LANG}>
              {s.title}
            </a>
            {s.sections.some((c) => c.title) && (
              <ol>
                <TocEntries sections={s.sections} link={link} />
              </ol>
            )}
          </li>
        ),
      )}
    </>
  );
}

function DecisionsBlock({ decisions, link }: { decisions: Decision[]; link: (id: string) => string }) {
  const { t } = useI18n();
  const groups: Array<{ stem: string | null; items: Decision[] }> = [];
  for (const d of decisions) {
    const stem = d.stem ?? null;
    const last = groups[groups.length - 1];
    if (last && last.stem === stem) last.items.push(d);
    else groups.push({ stem, items: [d] });
  }
  return (
    <section className="decisions" id="besluiten" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('reader.decisions')}</h2>
      {decisions.length === 0 ? (
        <p>{t('reader.decisions.none')}</p>
      ) : (
        <>
          <p className="muted">{t('reader.decisions.intro')}</p>
          {groups.map((g, i) => (
            <div key={i} className="decisions__group">
              {g.stem && (
                <p className="decisions__stem" lang={CONTENT_LANG}>
                  {g.stem}
                </p>
              )}
              <ol className="decisions__list" aria-label={t('reader.decisions')}>
                {g.items.map((d) => (
                  <li key={d.label} id={`besluit-${d.label}`} className="decision-card" data-label={d.label}>
                    <span className="decision-card__label" aria-hidden="true">
                      {d.label}
                    </span>
                    <div className="decision-card__body">
                      <h3 className="visually-hidden">{t('reader.decision', { label: d.label })}</h3>
                      <p className="decision-card__text" lang={CONTENT_LANG}>
                        {d.text}
                      </p>
                      {d.paragraphIds.length > 0 && (
                        <a className="decision-card__link" href={link(d.paragraphIds[d.paragraphIds.length - 1]!)}>
                          {t('reader.decision.inText')}
                          <span className="visually-hidden"> ({t('reader.decision', { label: d.label })})</span>
                        </a>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function SectionView({ section, link }: { section: Section; link: (id: string) => string }) {
  const { t } = useI18n();
  const headingLevel = Math.min(6, Math.max(2, section.level + 1));
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section
      id={domIdFor(section.id)}
      className={`letter-section letter-section--level-${section.level}`}
      aria-label={section.title ?? (section.level === 0 ? t('reader.intro') : t('reader.letter'))}
    >
      {section.title && <Heading className="letter-section__title">{section.title}</Heading>}
      <Blocks paragraphs={section.paragraphs} />
      {section.sections.map((child) => (
        <SectionView key={child.id} section={child} link={link} />
      ))}
    </section>
  );
}

/** Paragraphs, with consecutive list items gathered into lists. */
function Blocks({ paragraphs }: { paragraphs: Paragraph[] }) {
  const out: React.ReactNode[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const p = paragraphs[i]!;
    if (LIST_KINDS.has(p.kind)) {
      const items: Paragraph[] = [];
      while (i < paragraphs.length && LIST_KINDS.has(paragraphs[i]!.kind)) items.push(paragraphs[i++]!);
      out.push(
        <ul key={p.id} className="letter-list">
          {items.map((item) => (
            <li
              key={item.id}
              id={domIdFor(item.id)}
              className={`letter-list__item depth-${item.depth ?? 0}${item.kind === 'decision' ? ' is-decision' : ''}`}
              data-decision={item.decisionLabel}
            >
              <span className="letter-list__marker">{item.marker === '-' ? '•' : item.marker}</span>
              <span className="letter-list__text">
                <ParagraphText paragraph={item} />
              </span>
            </li>
          ))}
        </ul>,
      );
      continue;
    }
    out.push(
      <p key={p.id} id={domIdFor(p.id)} className={`para para--${p.kind}`}>
        <ParagraphText paragraph={p} />
      </p>,
    );
    i++;
  }
  return <>{out}</>;
}

import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentMatch, RaadsmapApi } from '../../../../electron/shared/contract';
import type { Decision, LetterDocument, Paragraph, Section } from '../../../../electron/shared/model';
import type { Annotation, Position } from '../../../../electron/shared/notes';
import { ApiError } from '../../api';
import { formatDate, useI18n, type MessageKey } from '../../i18n';
import { hasNavigated, hrefFor, replaceRoute } from '../../router';
import { NoteActionsContext, NotesViewContext, useNotesView } from '../annotations/context';
import { MarginNotes } from '../annotations/MarginNotes';
import { NotesToolbar } from '../annotations/NotesToolbar';
import { BLOCK_ATTR } from '../annotations/selection';
import { TagInput } from '../annotations/TagInput';
import { useLetterNotes, type LetterNotes } from '../annotations/useLetterNotes';
import { useReaderNotes } from '../annotations/useReaderNotes';
import { PositionEditor, stanceKey } from '../positions/PositionEditor';
import { PositionsOverview } from '../positions/PositionsOverview';
import { openExport, saveFile } from '../export/files';
import { FindBar } from './FindBar';
import {
  HighlightContext,
  HighlightedText,
  NO_HIGHLIGHTS,
  useHighlights,
  type HighlightRange,
  type Highlights,
} from './highlights';
import { ParagraphText } from './ParagraphText';
import { MeetingFacts, type Meeting } from '../packs/meeting';
import { NotInstalled } from './NotInstalled';

/** DOM ids for places in a letter; route targets use the bare ids (`s05`, `p012`, `besluit-1a`). */
export function domIdFor(target: string): string {
  if (/^s\d+$/.test(target)) return `sec-${target}`;
  if (/^p\d+$/.test(target)) return `par-${target}`;
  return target;
}

/** The letters are Dutch whatever the interface language: screen readers must read them as Dutch. */
const CONTENT_LANG = 'nl';

const LIST_KINDS = new Set<Paragraph['kind']>(['list-item', 'numbered-item', 'decision']);

const FIND_DELAY_MS = 120;

interface Props {
  api: RaadsmapApi;
  documentId: string;
  target: string | null;
  /** Words of a search to mark in the letter (from a search hit). */
  query: string | null;
  onError: (e: unknown) => void;
}

interface Found {
  text: string;
  matches: DocumentMatch[];
  message: { nl: string; en: string } | null;
  /** Index of the current match; -1 when there are none. */
  position: number;
}

/** Reading order of everything a match can sit in: the title, section titles and paragraphs. */
function readingOrder(doc: LetterDocument): Map<string, number> {
  const order = new Map<string, number>([['title', 0]]);
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      order.set(`s:${s.id}`, order.size);
      for (const p of s.paragraphs) order.set(`p:${p.id}`, order.size);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return order;
}

function matchKey(m: DocumentMatch): string {
  return m.target === 'title' ? 'title' : `${m.target === 'section-title' ? 's' : 'p'}:${m.id ?? ''}`;
}

function targetKey(target: string | null): string {
  if (target && /^s\d+$/.test(target)) return `s:${target}`;
  if (target && /^p\d+$/.test(target)) return `p:${target}`;
  return 'title';
}

/** The first match at or after a place (the last one when the place is after them all). */
function firstFrom(matches: DocumentMatch[], order: Map<string, number>, from: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => (order.get(matchKey(m)) ?? 0) >= from);
  return i === -1 ? matches.length - 1 : i;
}

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || !!el.closest('input, textarea, select'));
}

export function ReaderView({ api, documentId, target, query, onError }: Props) {
  const { t, locale } = useI18n();
  const [doc, setDoc] = useState<LetterDocument | null>(null);
  const [missing, setMissing] = useState(false);
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // Find in the letter: opened by a search hit (its words) or by Ctrl+F.
  const [findOpen, setFindOpen] = useState(query !== null);
  const [findText, setFindText] = useState(query ?? '');
  const [anchor, setAnchor] = useState(target);
  const [found, setFound] = useState<Found | null>(null);
  const [seen, setSeen] = useState<string | null>(query === null ? null : `${query}|${target}`);
  const findInput = useRef<HTMLInputElement>(null);
  const findBar = useRef<HTMLDivElement>(null);
  const carried = query === null ? null : `${query}|${target}`;
  if (carried !== seen) {
    // A search carried in by the address (a hit opened, Back or Forward to one): show its words.
    setSeen(carried);
    if (query !== null) {
      setFindOpen(true);
      setFindText(query);
      setAnchor(target);
      setFound(null);
    }
  }
  // The contents are open beside the letter; in a narrow window (or at 200 % zoom) folded above it.
  const [tocOpen, setTocOpen] = useState(() => !window.matchMedia('(max-width: 52rem)').matches);

  // What the user wrote about this letter: highlights, notes, tags and positions.
  const notes = useLetterNotes(api, documentId, onError);
  const readerRef = useRef<HTMLDivElement>(null);
  const letterRef = useRef<HTMLElement>(null);
  const decisionLabels = useMemo(() => doc?.decisions.map((d) => d.label) ?? [], [doc]);
  const [openDecisions, setOpenDecisions] = useState<string[]>([]);
  const showDecision = useCallback((label: string) => {
    setOpenDecisions((open) => (open.includes(label) ? open : [...open, label]));
    window.setTimeout(() => {
      const card = document.getElementById(`besluit-${label}`);
      if (!card) return;
      card.scrollIntoView({ block: 'start' });
      const stance = card.querySelector<HTMLElement>('.stance-choice input:checked');
      (stance ?? card.querySelector<HTMLElement>('.position__toggle'))?.focus({ preventScroll: true });
    }, 0);
  }, []);
  const toggleDecision = useCallback((label: string) => {
    setOpenDecisions((open) => (open.includes(label) ? open.filter((l) => l !== label) : [...open, label]));
  }, []);
  const readerNotes = useReaderNotes(doc, notes, readerRef, letterRef, decisionLabels, onError, showDecision);
  const showPassage = useCallback(
    (annotationId: string) => {
      readerNotes.actions.open(annotationId);
      window.setTimeout(() => {
        const mark = document.querySelector(`mark.hl[data-annotation-id="${CSS.escape(annotationId)}"]`);
        mark?.scrollIntoView({ block: 'center' });
        document
          .querySelector<HTMLElement>(`#note-${CSS.escape(annotationId)} .note-card__toggle`)
          ?.focus({ preventScroll: true });
      }, 0);
    },
    [readerNotes.actions],
  );

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

  // The meeting this letter prepares comes with its pack (listed in the library).
  useEffect(() => {
    let live = true;
    api['library.list']({}).then(
      (list) => live && setMeeting(list.find((d) => d.id === documentId)?.meeting ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, documentId]);

  const order = useMemo(() => (doc ? readingOrder(doc) : new Map<string, number>()), [doc]);
  const texts = useMemo(() => (doc ? placeTexts(doc) : new Map<string, string>()), [doc]);

  useEffect(() => {
    if (!doc || !findOpen || !findText.trim()) return;
    let live = true;
    const text = findText;
    const timer = window.setTimeout(() => {
      api['search.inDocument']({ documentId: doc.id, text: text.slice(0, 1000) }).then((r) => {
        if (!live) return;
        setFound((prev) => {
          // Start at the place the search was opened for, or stay near the match shown before.
          const before = prev && prev.position >= 0 ? prev.matches[prev.position] : undefined;
          const from = before ? (order.get(matchKey(before)) ?? 0) : (order.get(targetKey(anchor)) ?? 0);
          return { text, matches: r.matches, message: r.message, position: firstFrom(r.matches, order, from) };
        });
      }, onError);
    }, FIND_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, doc, findOpen, findText, anchor, order, onError]);

  const shown = findOpen && findText.trim() ? found : null;

  const highlights = useMemo<Highlights>(() => {
    if (!shown || shown.matches.length === 0) return NO_HIGHLIGHTS;
    const paragraphs = new Map<string, HighlightRange[]>();
    const sections = new Map<string, HighlightRange[]>();
    const titleRanges: HighlightRange[] = [];
    shown.matches.forEach((m, index) => {
      const range = { start: m.start, end: m.end, index };
      if (m.target === 'title') titleRanges.push(range);
      else {
        const map = m.target === 'section-title' ? sections : paragraphs;
        const list = map.get(m.id ?? '') ?? [];
        list.push(range);
        map.set(m.id ?? '', list);
      }
    });
    return { paragraphs, sections, title: titleRanges, current: shown.position };
  }, [shown]);

  // The current match: scrolled to the middle of the window.
  const currentIndex = shown?.position ?? -1;
  useEffect(() => {
    if (currentIndex < 0) return;
    document.querySelector(`mark[data-find-index="${currentIndex}"]`)?.scrollIntoView({ block: 'center' });
  }, [currentIndex, shown]);

  const step = useCallback((direction: 1 | -1) => {
    setFound((f) => {
      if (!f || f.matches.length === 0) return f;
      const n = f.matches.length;
      return { ...f, position: (f.position + direction + n) % n };
    });
  }, []);

  const closeFind = useCallback(() => {
    const active = document.activeElement;
    const wasInBar = !!findBar.current && !!active && findBar.current.contains(active);
    const mark = document.querySelector('mark.find-match.is-current');
    const block = mark?.closest<HTMLElement>('p, li, h1, h2, h3, h4, h5, h6');
    setFindOpen(false);
    setFound(null);
    if (query !== null) replaceRoute({ name: 'reader', documentId, target, query: null });
    if (wasInBar || active === document.body) {
      // Focus stays where the last match was, like a browser's find.
      const place = block ?? title.current;
      if (place) {
        if (!place.hasAttribute('tabindex')) place.setAttribute('tabindex', '-1');
        place.focus({ preventScroll: true });
      }
    }
  }, [query, documentId, target]);

  // Ctrl+F opens the bar (not the browser's find); F3 / Ctrl+G step; Escape closes.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && !e.shiftKey && key === 'f') {
        e.preventDefault();
        setFindOpen(true);
        window.setTimeout(() => {
          findInput.current?.focus();
          findInput.current?.select();
        }, 0);
        return;
      }
      if (!findOpen) return;
      if (e.key === 'F3' || (mod && !e.altKey && key === 'g')) {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
        return;
      }
      if (e.key === 'Escape' && !e.defaultPrevented && (!isEditable(e.target) || e.target === findInput.current)) {
        e.preventDefault();
        closeFind();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [findOpen, step, closeFind]);

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

  // `#/brief/<id>/nakijken` (from "Wat is er veranderd"): the review panel, once the notes are in.
  const notesReady = readerNotes.view.ready;
  useEffect(() => {
    if (!doc || target !== 'nakijken' || !notesReady) return;
    const panel = document.getElementById('nakijken');
    const heading = document.getElementById('review-title');
    if (!panel || !heading) return;
    heading.setAttribute('tabindex', '-1');
    panel.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [doc, target, notesReady]);

  if (missing) return <NotInstalled api={api} documentId={documentId} onError={onError} />;
  if (!doc) {
    return (
      <div className="page">
        <p role="status">{t('app.loading')}</p>
      </div>
    );
  }

  const link = (targetId: string) => hrefFor({ name: 'reader', documentId: doc.id, target: targetId });

  return (
    <HighlightContext.Provider value={highlights}>
      <NotesViewContext.Provider value={readerNotes.view}>
        <NoteActionsContext.Provider value={readerNotes.actions}>
          <div
            ref={readerRef}
            className={`reader${findOpen ? ' reader--finding' : ''}${readerNotes.markMode ? ' reader--marking' : ''}`}
            data-testid="reader-ready"
          >
            <aside className="reader__toc">
              <nav aria-label={t('reader.toc')}>
                <details open={tocOpen} onToggle={(e) => setTocOpen(e.currentTarget.open)}>
                  <summary className="toc__title">{t('reader.toc')}</summary>
                  <ol className="toc">
                    <li>
                      <a href={link('gegevens')}>{t('reader.metadata')}</a>
                    </li>
                    {doc.decisions.length > 0 && (
                      <li>
                        <a href={link('standpunten')}>{t('positions.title')}</a>
                      </li>
                    )}
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
            <article
              className="reader__article"
              aria-labelledby="doc-title"
              data-annotations-ready={readerNotes.view.ready ? 'true' : undefined}
            >
              {findOpen && (
                <FindBar
                  text={findText}
                  onText={setFindText}
                  count={shown ? shown.matches.length : null}
                  current={shown?.position ?? -1}
                  message={shown?.message ?? null}
                  context={shown && shown.position >= 0 ? matchContext(texts, shown.matches[shown.position]!) : ''}
                  onStep={step}
                  onClose={closeFind}
                  inputRef={findInput}
                  barRef={findBar}
                />
              )}
              <p className="reader__back">
                <a href={hrefFor({ name: 'library' })}>← {t('reader.back')}</a>
              </p>
              <header className="letter-header" id="gegevens">
                <p className="letter-header__kicker">{doc.reference ?? t('reader.letter')}</p>
                <h1 id="doc-title" ref={title} tabIndex={-1} lang={CONTENT_LANG}>
                  <HighlightedText text={doc.title} ranges={highlights.title} />
                </h1>
                <MeetingFacts meeting={meeting} variant="banner" />
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
                <OpenOriginal api={api} documentId={documentId} fileName={doc.source.fileName} onError={onError} />
              </header>

              {readerNotes.review}

              {notes.documentTags !== null && (
                <div className="letter-tags">
                  <TagInput
                    label={t('letterTags.label')}
                    hint={t('letterTags.hint')}
                    tags={notes.documentTags}
                    known={notes.tags}
                    onChange={(next) => void notes.setDocumentTags(next).catch(onError)}
                  />
                </div>
              )}

              <NotesToolbar
                colors={notes.colors}
                count={notes.annotations ? notes.annotations.length : null}
                markMode={readerNotes.markMode}
                onToggleMark={readerNotes.toggleMarkMode}
                onColors={readerNotes.openColors}
              />

              <PositionsOverview
                decisions={doc.decisions}
                positions={notes.positions}
                link={link}
                onOpen={showDecision}
                onExport={() => openExport({ documentIds: [documentId] })}
              />

              <DecisionsBlock
                decisions={doc.decisions}
                link={link}
                paragraphs={paragraphTexts(doc)}
                notes={notes}
                openDecisions={openDecisions}
                onToggle={toggleDecision}
                onShowPassage={showPassage}
                onError={onError}
              />

              <section
                ref={letterRef}
                className="letter-text"
                aria-labelledby="text-title"
                lang={CONTENT_LANG}
                {...readerNotes.textHandlers}
              >
                <h2 id="text-title" className="visually-hidden" lang={locale}>
                  {t('reader.text')}
                </h2>
                {doc.sections.map((s) => (
                  <SectionView key={s.id} section={s} link={link} />
                ))}
              </section>
            </article>
            {readerNotes.overlay}
          </div>
        </NoteActionsContext.Provider>
      </NotesViewContext.Provider>
    </HighlightContext.Provider>
  );
}

/** The text of every place a match can sit in, by the keys of `readingOrder`. */
function placeTexts(doc: LetterDocument): Map<string, string> {
  const out = new Map<string, string>([['title', doc.title]]);
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      if (s.title) out.set(`s:${s.id}`, s.title);
      for (const p of s.paragraphs) out.set(`p:${p.id}`, p.text);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return out;
}

/** A few words around a match, for screen readers: the mark itself is only seen. */
function matchContext(texts: Map<string, string>, m: DocumentMatch): string {
  const text = texts.get(matchKey(m)) ?? '';
  let from = Math.max(0, m.start - 50);
  let to = Math.min(text.length, m.end + 50);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > m.end ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

function paragraphTexts(doc: LetterDocument): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      for (const p of s.paragraphs) out.set(p.id, p.text);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return out;
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

function DecisionsBlock({
  decisions,
  link,
  paragraphs,
  notes,
  openDecisions,
  onToggle,
  onShowPassage,
  onError,
}: {
  decisions: Decision[];
  link: (id: string) => string;
  paragraphs: Map<string, string>;
  notes: LetterNotes;
  openDecisions: string[];
  onToggle: (label: string) => void;
  onShowPassage: (annotationId: string) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const highlights = useHighlights();
  // A decision card repeats its paragraph's text: it shows the same marks (not stepped to).
  const echo = (d: Decision): HighlightRange[] => {
    for (const id of d.paragraphIds) {
      const text = paragraphs.get(id);
      const ranges = highlights.paragraphs.get(id);
      if (text === undefined || !ranges || !text.startsWith(d.text)) continue;
      return ranges.filter((r) => r.end <= d.text.length).map((r) => ({ ...r, index: -1 }));
    }
    return [];
  };
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
                        <HighlightedText text={d.text} ranges={echo(d)} />
                      </p>
                      {d.paragraphIds.length > 0 && (
                        <a className="decision-card__link" href={link(d.paragraphIds[d.paragraphIds.length - 1]!)}>
                          {t('reader.decision.inText')}
                          <span className="visually-hidden"> ({t('reader.decision', { label: d.label })})</span>
                        </a>
                      )}
                      <PositionBlock
                        decision={d}
                        position={notes.positions?.find((p) => p.decisionLabel === d.label) ?? null}
                        annotations={notes.annotations ?? NO_ANNOTATIONS}
                        notes={notes}
                        open={openDecisions.includes(d.label)}
                        onToggle={() => onToggle(d.label)}
                        onShowPassage={onShowPassage}
                        onError={onError}
                      />
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
  const highlights = useHighlights();
  const headingLevel = Math.min(6, Math.max(2, section.level + 1));
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section
      id={domIdFor(section.id)}
      className={`letter-section letter-section--level-${section.level}`}
      aria-label={section.title ?? (section.level === 0 ? t('reader.intro') : t('reader.letter'))}
    >
      {section.title && (
        <Heading className="letter-section__title">
          <HighlightedText text={section.title} ranges={highlights.sections.get(section.id)} />
        </Heading>
      )}
      <Blocks paragraphs={section.paragraphs} />
      {section.sections.map((child) => (
        <SectionView key={child.id} section={child} link={link} />
      ))}
    </section>
  );
}

/** Paragraphs, with consecutive list items gathered into lists; each with its notes in the margin. */
function Blocks({ paragraphs }: { paragraphs: Paragraph[] }) {
  const { t } = useI18n();
  const view = useNotesView();
  // Keyboard marking: the paragraphs become read-only text fields the arrow keys select in.
  const textProps = (p: Paragraph) => ({
    [BLOCK_ATTR]: p.id,
    ...(view.markMode
      ? {
          tabIndex: view.markParagraph === p.id ? 0 : -1,
          role: 'textbox',
          'aria-readonly': true,
          'aria-multiline': true,
          'aria-label': t('mark.paragraph'),
          'aria-describedby': 'mark-keys',
        }
      : {}),
  });
  const layers = (p: Paragraph) => {
    const parts = view.parts.get(p.id);
    return {
      parts,
      pending: view.pending.get(p.id) ?? null,
      activeId: view.openId && parts?.some((x) => x.id === view.openId) ? view.openId : null,
      labels: view.labels,
    };
  };
  const margin = (p: Paragraph) => {
    const cards = view.cards.get(p.id);
    return (
      <MarginNotes
        paragraphId={p.id}
        annotations={cards}
        openId={view.openId && cards?.some((a) => a.id === view.openId) ? view.openId : null}
        labels={view.labels}
      />
    );
  };
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
              <span className="letter-list__text" {...textProps(item)}>
                <ParagraphText paragraph={item} {...layers(item)} />
              </span>
              {margin(item)}
            </li>
          ))}
        </ul>,
      );
      continue;
    }
    out.push(
      <div key={p.id} className="block-row">
        <p id={domIdFor(p.id)} className={`para para--${p.kind}`} {...textProps(p)}>
          <ParagraphText paragraph={p} {...layers(p)} />
        </p>
        {margin(p)}
      </div>,
    );
    i++;
  }
  return <>{out}</>;
}

const NO_ANNOTATIONS: Annotation[] = [];

/** A decision card's position: the stance at a glance, and the editor behind a button. */
function PositionBlock({
  decision,
  position,
  annotations,
  notes,
  open,
  onToggle,
  onShowPassage,
  onError,
}: {
  decision: Decision;
  position: Position | null;
  annotations: readonly Annotation[];
  notes: LetterNotes;
  open: boolean;
  onToggle: () => void;
  onShowPassage: (annotationId: string) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const stance = position?.stance ?? 'nog-bepalen';
  const editorId = `position-${decision.label}`;
  return (
    <div className={`position${open ? ' is-open' : ''}`}>
      <div className="position__bar">
        <p className="position__summary">
          <span className="position__label">{t('position.mine')}</span>{' '}
          <span className={`stance-badge stance-badge--${stance}`}>{t(stanceKey(stance))}</span>
          {position?.updatedAt && stance !== 'nog-bepalen' && (
            <span className="position__status"> · {t(`position.status.${position.status}` as MessageKey)}</span>
          )}
          {position?.decisionChanged && <span className="badge badge--warn">{t('positions.changed')}</span>}
        </p>
        <button
          type="button"
          className="button button--secondary button--small position__toggle"
          aria-expanded={open}
          aria-controls={open ? editorId : undefined}
          onClick={onToggle}
          disabled={!position}
        >
          {t(open ? 'position.close' : stance === 'nog-bepalen' ? 'position.decide' : 'position.edit')}
          <span className="visually-hidden"> ({t('reader.decision', { label: decision.label })})</span>
        </button>
      </div>
      {open && position && (
        <div id={editorId}>
          <PositionEditor
            decision={decision}
            position={position}
            annotations={annotations}
            notes={notes}
            onShowPassage={onShowPassage}
            onError={onError}
          />
        </div>
      )}
    </div>
  );
}

/**
 * "Origineel openen": the letter file as its pack carried it (PDF, Word, …), saved as a download
 * and opened with the user's own program. Never rendered inside the app.
 */
function OpenOriginal({
  api,
  documentId,
  fileName,
  onError,
}: {
  api: RaadsmapApi;
  documentId: string;
  fileName: string;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const open = () => {
    setBusy(true);
    api['documents.original']({ id: documentId })
      .then((original) => {
        if (original) saveFile(original.fileName, original.mediaType, original.dataBase64);
        else onError(new Error(t('reader.original.none')));
      })
      .catch(onError)
      .finally(() => setBusy(false));
  };
  return (
    <p className="letter-header__original">
      <button type="button" className="button button--small button--secondary" onClick={open} disabled={busy}>
        {t('reader.original')}
        <span className="visually-hidden"> ({fileName})</span>
      </button>
    </p>
  );
}

/**
 * One entry of the notes overview: an annotation (colour meaning in words, the quoted passage, the
 * note, tags, where it stands, who it came from) or a position on a requested decision (stance,
 * status, the start of the reasoning). Each entry is one link that opens the place in the reader.
 * Plain text only: a note is never read as HTML.
 */
import { Fragment, memo, useCallback, useMemo } from 'react';
import type { HighlightColor } from '../../../../electron/shared/notes';
import { useI18n, type Locale, type MessageKey, type Translate } from '../../i18n';
import { hrefFor } from '../../router';
import type { Entry, OverviewAnnotation, OverviewPosition } from './model';

/** The default meanings as the migration writes them; shown translated while the user kept them. */
const DUTCH_DEFAULTS: Record<string, string> = {
  geel: 'Belangrijk',
  blauw: 'Vraag',
  rood: 'Oneens',
  groen: 'Eens',
  paars: 'Uitzoeken',
};

/** The meaning of each highlight colour, in the interface language where it is still the default. */
export function useColorLabel(colors: HighlightColor[]): (id: string) => string {
  const { t, locale } = useI18n();
  const byId = useMemo(() => new Map(colors.map((c) => [c.id, c.label])), [colors]);
  return useCallback(
    (id: string) => {
      const label = byId.get(id as HighlightColor['id']) ?? id;
      if (locale === 'en' && DUTCH_DEFAULTS[id] === label) return t(`overview.color.default.${id}` as MessageKey);
      return label;
    },
    [byId, locale, t],
  );
}

export function colorName(id: string, t: Translate): string {
  return t(`overview.color.${id}` as MessageKey);
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** `2024-05-03T10:00:00.000Z` → `3 mei 2024` / `3 May 2024` (one formatter per language: making one is slow). */
export function formatStamp(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** 10000 → `10.000` / `10,000`. */
export function formatNumber(n: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB');
    numberFormats.set(locale, format);
  }
  return format.format(n);
}

export function annotationHref(a: OverviewAnnotation): string {
  return hrefFor({
    name: 'reader',
    documentId: a.documentId,
    target: a.anchor === 'orphan' ? null : a.paragraphId,
  });
}

export function positionHref(p: OverviewPosition): string {
  return hrefFor({ name: 'reader', documentId: p.documentId, target: `besluit-${p.decisionLabel}` });
}

/** The first words of a text, cut at a word boundary. */
function start(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max);
  return `${clean.slice(0, cut > max * 0.6 ? cut : max)}…`;
}

interface EntryProps {
  entry: Entry;
  index: number;
  tabbable: boolean;
  /** The letter's title is shown unless the list is grouped by letter. */
  showDocument: boolean;
  colorLabel: (id: string) => string;
  onOpen: (key: string) => void;
  rowKey: string;
}

export const EntryLink = memo(function EntryLink({
  entry,
  index,
  tabbable,
  showDocument,
  colorLabel,
  onOpen,
  rowKey,
}: EntryProps) {
  const common = {
    'data-index': index,
    'data-entry-key': rowKey,
    tabIndex: tabbable ? 0 : -1,
    onClick: () => onOpen(rowKey),
  };
  return entry.kind === 'annotation' ? (
    <AnnotationLink
      a={entry.annotation}
      missing={!!entry.missing}
      showDocument={showDocument}
      colorLabel={colorLabel}
      common={common}
    />
  ) : (
    <PositionLink p={entry.position} showDocument={showDocument} common={common} />
  );
});

type Common = {
  'data-index': number;
  'data-entry-key': string;
  tabIndex: number;
  onClick: () => void;
};

function AnnotationLink({
  a,
  missing,
  showDocument,
  colorLabel,
  common,
}: {
  a: OverviewAnnotation;
  missing: boolean;
  showDocument: boolean;
  colorLabel: (id: string) => string;
  common: Common;
}) {
  const { t, locale } = useI18n();
  const quote = start(a.quote.exact, 400);
  return (
    <a className={`note-entry note-entry--${a.color}`} href={annotationHref(a)} {...common}>
      <span className="note-entry__head">
        <span className={`note-color note-color--${a.color}`}>
          <span className="note-color__swatch" aria-hidden="true" />
          {colorLabel(a.color)}
        </span>
        {missing ? (
          <span className="note-badge note-badge--missing">{t('overview.anchor.missing')}</span>
        ) : a.anchor === 'changed' ? (
          <span className="note-badge note-badge--changed">{t('overview.anchor.changed')}</span>
        ) : a.anchor === 'orphan' ? (
          <span className="note-badge note-badge--orphan">{t('overview.anchor.orphan')}</span>
        ) : null}
        {showDocument && (
          <span className="note-entry__doc" lang="nl">
            {a.documentTitle}
          </span>
        )}
        {a.origin && (
          <span className="note-entry__origin">
            {a.origin.creator
              ? t('overview.origin', { name: a.origin.creator })
              : t('overview.origin.file', { file: a.origin.source ?? '?' })}
          </span>
        )}
        <time className="note-entry__date" dateTime={a.updatedAt}>
          {formatStamp(a.updatedAt, locale)}
        </time>
      </span>
      <span className="note-entry__quote" lang="nl">
        <span className="visually-hidden">{t('overview.entry.quote')}: </span>“{quote}”
      </span>
      {a.note.trim() && (
        <span className="note-entry__note">
          <span className="visually-hidden">{t('overview.entry.note')}: </span>
          {start(a.note, 600)}
        </span>
      )}
      {a.tags.length > 0 && (
        <span className="note-entry__tags">
          <span className="visually-hidden">{t('overview.entry.tags')}: </span>
          {a.tags.map((tag, i) => (
            <Fragment key={tag}>
              <span className="label-chip">{tag}</span>
              {i < a.tags.length - 1 && <span className="visually-hidden">, </span>}
            </Fragment>
          ))}
        </span>
      )}
    </a>
  );
}

function PositionLink({ p, showDocument, common }: { p: OverviewPosition; showDocument: boolean; common: Common }) {
  const { t, locale } = useI18n();
  const linked = p.linkedAnnotationIds.length;
  return (
    <a className={`note-entry note-entry--position note-entry--${p.stance}`} href={positionHref(p)} {...common}>
      <span className="note-entry__head">
        <span className="note-decision">{t('overview.entry.position', { label: p.decisionLabel })}</span>
        <span className={`note-stance note-stance--${p.stance}`}>{t(`overview.stance.${p.stance}` as MessageKey)}</span>
        <span className={`note-badge note-badge--${p.status}`}>{t(`overview.status.${p.status}` as MessageKey)}</span>
        {p.decisionChanged && (
          <span className="note-badge note-badge--changed">{t('overview.entry.decisionChanged')}</span>
        )}
        {showDocument && (
          <span className="note-entry__doc" lang="nl">
            {p.documentTitle}
          </span>
        )}
        {p.updatedAt && (
          <time className="note-entry__date" dateTime={p.updatedAt}>
            {formatStamp(p.updatedAt, locale)}
          </time>
        )}
      </span>
      <span className={p.reasoning.trim() ? 'note-entry__note' : 'note-entry__note muted'}>
        {p.reasoning.trim() ? (
          <>
            <span className="visually-hidden">{t('overview.entry.reasoning')}: </span>
            {start(p.reasoning, 300)}
          </>
        ) : (
          t('overview.entry.noReasoning')
        )}
      </span>
      {linked > 0 && (
        <span className="note-entry__meta">
          {linked === 1 ? t('overview.entry.linked.one') : t('overview.entry.linked', { n: linked })}
        </span>
      )}
    </a>
  );
}

/**
 * A tiny hash router:
 * - `#/` library
 * - `#/brief/<id>` reader, `#/brief/<id>/<target>` a place in it, `?q=<words>` marks a search in it
 * - `#/zoeken?q=<words>&brief=<id>&onderdeel=<section>&van=<date>&tot=<date>&tag=<tag>&notities=1` search
 * - `#/?label=<tag>` the library showing only letters with that tag
 * - `#/notities?groep=brief|label|besluit&q=<words>&label=<tag>&kleur=<colour>&toon=<what>&volgorde=nieuw|oud`
 *   the notes overview
 * - `#/labels` tag management
 * - `#/afdrukken?brief=<id>&label=<tag>&deel=<part>` the print view of an export's content
 * - `#/back-up` backups: status, second folder, make one, restore one
 * - `#/pakketten` installed packs, trusted publisher keys and the update history
 * - `#/pakketten/update/<id>` "Wat is er veranderd": one install, update or removal in detail
 * - `#/griffie` the griffie's pack builder
 */
import { useEffect, useState } from 'react';
import type { HighlightColorId } from '../../electron/shared/notes';

export interface SearchParams {
  q: string;
  /** Only these letters (none: all). */
  documentIds: string[];
  /** Only this section; only meaningful with exactly one letter. */
  sectionId: string | null;
  /** ISO `YYYY-MM-DD`, inclusive. */
  dateFrom: string | null;
  dateTo: string | null;
  tags: string[];
  onlyNotes: boolean;
}

/** Grouping of the notes overview: per letter, per tag, per requested decision. */
export const NOTES_GROUPS = ['brief', 'label', 'besluit'] as const;
export type NotesGroup = (typeof NOTES_GROUPS)[number];
/** What the overview shows: everything, only annotations, only positions, or what needs a look. */
export const NOTES_SHOW = ['alles', 'notities', 'standpunten', 'nakijken', 'verweesd'] as const;
export type NotesShow = (typeof NOTES_SHOW)[number];
/** The highlight colours (electron/shared/notes.ts HIGHLIGHT_COLOR_IDS; repeated to keep zod out of the bundle). */
export const NOTES_COLORS = ['geel', 'blauw', 'rood', 'groen', 'paars'] as const satisfies readonly HighlightColorId[];
export type NotesColor = HighlightColorId;

export interface NotesParams {
  group: NotesGroup;
  /** Words to filter on (client-side, accents and case folded). */
  q: string;
  tag: string | null;
  color: NotesColor | null;
  show: NotesShow;
  sort: 'nieuw' | 'oud';
}

// export & backup
/** What an export or the print view holds (electron/shared/export.ts EXPORT_PARTS; repeated to keep zod out). */
export const EXPORT_PARTS = ['annotations', 'notes', 'positions', 'questions'] as const;
export type ExportPartName = (typeof EXPORT_PARTS)[number];

export interface PrintParams {
  /** Only these letters (none: every letter something is written on). */
  documentIds: string[];
  tags: string[];
  /** What to show; all four when empty. */
  include: ExportPartName[];
}

export type Route =
  | { name: 'library'; tag?: string | null }
  | { name: 'print'; params: PrintParams }
  | { name: 'backup' }
  | { name: 'packs' }
  | { name: 'packUpdate'; id: number }
  | { name: 'griffie' }
  | { name: 'notes'; params: NotesParams }
  | { name: 'tags' }
  | { name: 'reader'; documentId: string; target: string | null; query?: string | null }
  | { name: 'search'; params: SearchParams };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptySearch(q = ''): SearchParams {
  return { q, documentIds: [], sectionId: null, dateFrom: null, dateTo: null, tags: [], onlyNotes: false };
}

export function defaultNotes(): NotesParams {
  return { group: 'brief', q: '', tag: null, color: null, show: 'alles', sort: 'nieuw' };
}

function colorParam(value: string | null): NotesColor | null {
  return value !== null && (NOTES_COLORS as readonly string[]).includes(value) ? (value as NotesColor) : null;
}

function oneOf<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const cut = raw.indexOf('?');
  const path = cut === -1 ? raw : raw.slice(0, cut);
  const query = new URLSearchParams(cut === -1 ? '' : raw.slice(cut + 1));
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'brief' && parts[1]) {
    const q = query.get('q');
    return { name: 'reader', documentId: parts[1], target: parts[2] ?? null, query: q && q.trim() ? q : null };
  }
  if (parts[0] === 'zoeken') {
    const date = (v: string | null) => (v && ISO_DATE.test(v) ? v : null);
    const list = (key: string) => [...new Set(query.getAll(key).filter((v) => v.trim() !== ''))];
    const documentIds = list('brief');
    return {
      name: 'search',
      params: {
        q: query.get('q') ?? '',
        documentIds,
        sectionId: documentIds.length === 1 ? query.get('onderdeel') || null : null,
        dateFrom: date(query.get('van')),
        dateTo: date(query.get('tot')),
        tags: list('tag'),
        onlyNotes: query.get('notities') === '1',
      },
    };
  }
  if (parts[0] === 'notities') {
    const tag = query.get('label');
    return {
      name: 'notes',
      params: {
        group: oneOf(NOTES_GROUPS, query.get('groep'), 'brief'),
        q: query.get('q') ?? '',
        tag: tag && tag.trim() ? tag : null,
        color: colorParam(query.get('kleur')),
        show: oneOf(NOTES_SHOW, query.get('toon'), 'alles'),
        sort: query.get('volgorde') === 'oud' ? 'oud' : 'nieuw',
      },
    };
  }
  if (parts[0] === 'labels') return { name: 'tags' };
  if (parts[0] === 'back-up') return { name: 'backup' };
  if (parts[0] === 'pakketten') {
    const id = parts[1] === 'update' && parts[2] && /^\d{1,9}$/.test(parts[2]) ? Number(parts[2]) : 0;
    return id > 0 ? { name: 'packUpdate', id } : { name: 'packs' };
  }
  if (parts[0] === 'griffie') return { name: 'griffie' };
  if (parts[0] === 'afdrukken') {
    const list = (key: string) => [...new Set(query.getAll(key).filter((v) => v.trim() !== ''))];
    return {
      name: 'print',
      params: {
        documentIds: list('brief'),
        tags: list('label'),
        include: EXPORT_PARTS.filter((p) => query.getAll('deel').includes(p)),
      },
    };
  }
  const tag = query.get('label');
  return { name: 'library', tag: tag && tag.trim() ? tag : null };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function searchQueryString(p: SearchParams): string {
  const query = new URLSearchParams();
  query.set('q', p.q);
  for (const id of p.documentIds) query.append('brief', id);
  if (p.sectionId && p.documentIds.length === 1) query.set('onderdeel', p.sectionId);
  if (p.dateFrom) query.set('van', p.dateFrom);
  if (p.dateTo) query.set('tot', p.dateTo);
  for (const tag of p.tags) query.append('tag', tag);
  if (p.onlyNotes) query.set('notities', '1');
  return query.toString();
}

function notesQueryString(p: NotesParams): string {
  const query = new URLSearchParams();
  if (p.group !== 'brief') query.set('groep', p.group);
  if (p.q) query.set('q', p.q);
  if (p.tag) query.set('label', p.tag);
  if (p.color) query.set('kleur', p.color);
  if (p.show !== 'alles') query.set('toon', p.show);
  if (p.sort !== 'nieuw') query.set('volgorde', p.sort);
  return query.toString();
}

export function hrefFor(route: Route): string {
  if (route.name === 'library') {
    return route.tag ? `#/?${new URLSearchParams({ label: route.tag }).toString()}` : '#/';
  }
  if (route.name === 'notes') {
    const query = notesQueryString(route.params);
    return query ? `#/notities?${query}` : '#/notities';
  }
  if (route.name === 'tags') return '#/labels';
  if (route.name === 'backup') return '#/back-up';
  if (route.name === 'packs') return '#/pakketten';
  if (route.name === 'packUpdate') return `#/pakketten/update/${route.id}`;
  if (route.name === 'griffie') return '#/griffie';
  if (route.name === 'print') {
    const query = new URLSearchParams();
    for (const id of route.params.documentIds) query.append('brief', id);
    for (const tag of route.params.tags) query.append('label', tag);
    for (const part of route.params.include) query.append('deel', part);
    const text = query.toString();
    return text ? `#/afdrukken?${text}` : '#/afdrukken';
  }
  if (route.name === 'search') return `#/zoeken?${searchQueryString(route.params)}`;
  const base = `#/brief/${encodeURIComponent(route.documentId)}`;
  const path = route.target ? `${base}/${encodeURIComponent(route.target)}` : base;
  return route.query ? `${path}?${new URLSearchParams({ q: route.query }).toString()}` : path;
}

const listeners = new Set<() => void>();

/**
 * Goes to a route: a new history entry. Views see the new route at once (in the same event), so a
 * checkbox that changes the address shows its new state without waiting for `hashchange`.
 */
export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
  for (const listener of listeners) listener();
}

/**
 * Changes the address without a new history entry (Back skips it). Like `navigate`, views see the
 * new route at once: a radio button or select bound to the address never shows its old state.
 */
export function replaceRoute(route: Route): void {
  const url = new URL(window.location.href);
  url.hash = hrefFor(route);
  window.location.replace(url.toString());
  for (const listener of listeners) listener();
}

let navigatedInApp = false;

/**
 * True once the user moved within the app. Views move focus to their title only then: on
 * first load focus stays at the top of the document, so the skip link is the first Tab stop.
 */
export function hasNavigated(): boolean {
  return navigatedInApp;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      navigatedInApp = true;
      const next = parseRoute(window.location.hash);
      // The same address again (hashchange after navigate): keep the route object.
      setRoute((current) => (hrefFor(current) === hrefFor(next) ? current : next));
    };
    window.addEventListener('hashchange', onChange);
    listeners.add(onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      listeners.delete(onChange);
    };
  }, []);
  return route;
}

/**
 * The reader's notes: turning a selection (mouse) or a passage chosen with the keyboard ("Passage
 * markeren") into a highlight, the toolbar next to it, the open note in the margin, deleting with
 * undo, re-attaching notes that lost their passage, and the colour meanings.
 *
 * Mouse: select text → the toolbar appears above the selection → a colour or "Notitie toevoegen".
 * A click on a highlight opens its note. Keyboard: "Passage markeren" (or M) makes the paragraphs
 * focusable; the arrow keys choose words, sentences and paragraphs, 1–5 pick a colour, N adds a
 * note, Enter opens the toolbar, Escape stops. The bar at the bottom of the window says so.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { LetterDocument } from '../../../../electron/shared/model';
import type { Annotation, HighlightColorId } from '../../../../electron/shared/notes';
import { HIGHLIGHT_COLOR_IDS } from '../../../../electron/shared/notes-constants';
import { documentText } from '../../../../electron/shared/text';
import { useI18n } from '../../i18n';
import { ColorsDialog } from './ColorsDialog';
import { ConfirmDialog } from './ConfirmDialog';
import type { NoteActions, NotesView } from './context';
import { homeParagraph, partsByParagraph, shortQuote } from './layers';
import { MarkBar } from './MarkBar';
import { ReviewPanel } from './ReviewPanel';
import {
  BLOCK_ATTR,
  canonicalRange,
  moveSelection,
  paragraphIndexAt,
  paragraphStops,
  spanOf,
  trimRange,
  type CanonicalRange,
  type KeyMove,
  type KeySelection,
  type Span,
} from './selection';
import { SelectionToolbar, type ToolbarPlace } from './SelectionToolbar';
import { UndoToast, type Toast } from './UndoToast';
import type { LetterNotes } from './useLetterNotes';
import { rangeInBlocks } from '../../../../electron/shared/text';

interface ToolbarState {
  range: CanonicalRange;
  place: ToolbarPlace;
  source: 'mouse' | 'keyboard';
}

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || !!el.closest('input, textarea, select'));
}

function placeFor(rect: DOMRect, reader: HTMLElement): ToolbarPlace {
  const box = reader.getBoundingClientRect();
  return {
    top: rect.top - box.top,
    bottom: rect.bottom - box.top,
    left: Math.max(0, rect.left - box.left),
    // No room above: inside the top 7rem of the window the toolbar goes below the passage.
    below: rect.top < 112,
  };
}

function unionRect(elements: Element[]): DOMRect | null {
  const rects = elements.flatMap((el) => [...el.getClientRects()]);
  if (rects.length === 0) return null;
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const left = Math.min(...rects.map((r) => r.left));
  const right = Math.max(...rects.map((r) => r.right));
  return new DOMRect(left, top, right - left, bottom - top);
}

function blockElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${BLOCK_ATTR}="${CSS.escape(id)}"]`);
}

export interface ReaderNotes {
  view: NotesView;
  actions: NoteActions;
  /** Toolbar, bars, toast, dialogs and the live region: rendered once inside the reader. */
  overlay: React.ReactNode;
  review: React.ReactNode;
  markMode: boolean;
  toggleMarkMode: () => void;
  openColors: () => void;
  textHandlers: {
    onMouseUp: (e: React.MouseEvent) => void;
    onKeyUp: (e: React.KeyboardEvent) => void;
    onKeyDown: (e: React.KeyboardEvent) => void;
    onClick: (e: React.MouseEvent) => void;
    onFocus: (e: React.FocusEvent) => void;
  };
}

export function useReaderNotes(
  doc: LetterDocument | null,
  notes: LetterNotes,
  readerRef: RefObject<HTMLElement | null>,
  letterRef: RefObject<HTMLElement | null>,
  decisions: string[],
  onError: (e: unknown) => void,
  onShowDecision: (label: string) => void,
): ReaderNotes {
  const { t } = useI18n();
  const [openId, setOpenId] = useState<string | null>(null);
  const [markMode, setMarkMode] = useState(false);
  const [keySel, setKeySel] = useState<KeySelection | null>(null);
  const [toolbar, setToolbar] = useState<ToolbarState | null>(null);
  const [reattach, setReattach] = useState<Annotation | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [confirm, setConfirm] = useState<Annotation | null>(null);
  const [colorsOpen, setColorsOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [lastColor, setLastColor] = useState<HighlightColorId>('geel');
  const focusRequests = useRef(new Map<string, 'text' | 'toggle'>());
  // The write calls are stable; colours, labels and tags are read when needed (not when rendering),
  // so the actions given to every note card stay the same object while notes are edited.
  const { create: createNote, update: updateNote, remove: removeNote, restore: restoreNote, link: linkNote } = notes;
  const latest = useRef(notes);
  useEffect(() => {
    latest.current = notes;
  });
  const toastKey = useRef(0);

  const text = useMemo(() => (doc ? documentText(doc) : null), [doc]);
  const starts = useMemo(
    () => new Map((text?.blocks ?? []).filter((b) => b.kind === 'paragraph').map((b) => [b.id!, b.start])),
    [text],
  );
  const paragraphBlocks = useMemo(() => (text?.blocks ?? []).filter((b) => b.kind === 'paragraph'), [text]);
  const stops = useMemo(() => (text ? paragraphStops(text.text, text.blocks) : []), [text]);

  const annotations = notes.annotations;
  const parts = useMemo(
    () => (annotations && text ? partsByParagraph(annotations, text.blocks) : new Map()),
    [annotations, text],
  );
  const cards = useMemo(() => {
    const out = new Map<string, Annotation[]>();
    if (!annotations || !text) return out;
    for (const a of annotations) {
      const home = homeParagraph(a, text.blocks);
      if (!home) continue;
      const list = out.get(home) ?? [];
      list.push(a);
      out.set(home, list);
    }
    return out;
  }, [annotations, text]);
  const review = useMemo(() => (annotations ?? []).filter((a) => a.anchor !== 'anchored'), [annotations]);

  const say = useCallback((message: string) => {
    // The same words twice must be read twice: alternate an invisible character.
    setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));
  }, []);

  // The passage chosen with the keyboard (or waiting in the toolbar), drawn per paragraph.
  const pendingSpan: Span | null = keySel ? spanOf(keySel) : toolbar?.source === 'keyboard' ? toolbar.range : null;
  const pendingStart = markMode && pendingSpan ? pendingSpan.start : -1;
  const pendingEnd = markMode && pendingSpan ? pendingSpan.end : -1;
  const pending = useMemo(() => {
    const out = new Map<string, Span>();
    if (pendingStart < 0) return out;
    for (const piece of rangeInBlocks(paragraphBlocks, pendingStart, pendingEnd)) {
      out.set(piece.block.id!, { start: piece.start, end: piece.end });
    }
    return out;
  }, [pendingStart, pendingEnd, paragraphBlocks]);

  const markParagraph = markMode && keySel && stops.length ? stops[paragraphIndexAt(stops, keySel.focus)]!.id : null;

  // Keyboard marking: focus follows the paragraph the selection's moving end is in.
  useEffect(() => {
    if (!markParagraph || toolbar) return;
    const el = blockElement(markParagraph);
    if (el && document.activeElement !== el && !el.contains(document.activeElement)) {
      el.focus({ preventScroll: true });
    }
    el?.scrollIntoView({ block: 'nearest' });
  }, [markParagraph, toolbar]);

  const quoteOf = useCallback((span: Span) => (text ? text.text.slice(span.start, span.end) : ''), [text]);

  const describe = useCallback(
    (span: Span) => {
      const quote = quoteOf(span);
      const words = quote.split(/\s+/).filter(Boolean).length;
      return t(words === 1 ? 'mark.selected.one' : 'mark.selected', { quote: shortQuote(quote, 90), n: words });
    },
    [quoteOf, t],
  );

  const startMarkMode = useCallback(() => {
    if (!stops.length) return;
    // Start at the paragraph in view (or the one that has focus).
    let index = 0;
    const inView = [...document.querySelectorAll<HTMLElement>(`[${BLOCK_ATTR}]`)].find((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 80 && r.top < window.innerHeight - 80;
    });
    const id = inView?.getAttribute(BLOCK_ATTR);
    if (id)
      index = Math.max(
        0,
        stops.findIndex((s) => s.id === id),
      );
    const word = stops[index]!.words[0]!;
    setToolbar(null);
    setMarkMode(true);
    setKeySel({ anchor: word.start, focus: word.end });
    say(`${t('mark.started')} ${describe(word)}`);
  }, [stops, say, t, describe]);

  const stopMarkMode = useCallback(() => {
    // Focus stays where the user was reading (like closing a browser's find), not back at the top.
    const here = document.activeElement?.closest<HTMLElement>(`[${BLOCK_ATTR}]`) ?? null;
    const place = here ?? (markParagraph ? blockElement(markParagraph) : null);
    setMarkMode(false);
    setKeySel(null);
    setToolbar(null);
    if (place) {
      window.setTimeout(() => {
        place.setAttribute('tabindex', '-1');
        place.focus({ preventScroll: true });
      }, 0);
    }
    say(t('mark.stopped'));
  }, [say, t, markParagraph]);

  const open = useCallback<NoteActions['open']>((id, focus) => {
    setOpenId((current) => {
      const target = id ?? current;
      if (target && focus) focusRequests.current.set(target, focus);
      return id;
    });
  }, []);

  const create = useCallback(
    (range: CanonicalRange, color: HighlightColorId, withNote: boolean, source: 'mouse' | 'keyboard') => {
      setToolbar(null);
      setLastColor(color);
      if (source === 'mouse') window.getSelection()?.removeAllRanges();
      createNote({ start: range.start, end: range.end, color }).then((a) => {
        say(t('mark.done', { label: latest.current.labels[color] }));
        if (withNote) {
          setMarkMode(false);
          setKeySel(null);
          open(a.id, 'text');
        } else if (source === 'keyboard' && markParagraph) {
          blockElement(markParagraph)?.focus({ preventScroll: true });
        }
      }, onError);
    },
    [createNote, say, t, open, onError, markParagraph],
  );

  const doReattach = useCallback(
    (range: CanonicalRange, source: 'mouse' | 'keyboard') => {
      const target = reattach;
      if (!target) return;
      setToolbar(null);
      if (source === 'mouse') window.getSelection()?.removeAllRanges();
      updateNote(target.id, { range }).then(() => {
        setReattach(null);
        setMarkMode(false);
        setKeySel(null);
        say(t('reattach.done'));
        focusRequests.current.set(target.id, 'toggle');
      }, onError);
    },
    [reattach, updateNote, say, t, onError],
  );

  const showToolbarForKeys = useCallback(() => {
    if (!keySel || !readerRef.current) return;
    const rect = unionRect([...document.querySelectorAll('[data-pending]')]);
    if (!rect) return;
    setToolbar({ range: spanOf(keySel), place: placeFor(rect, readerRef.current), source: 'keyboard' });
  }, [keySel, readerRef]);

  const fromMouseSelection = useCallback(() => {
    const selection = window.getSelection();
    const root = letterRef.current;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root || !text || !readerRef.current)
      return;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const canonical = canonicalRange(range, root, starts);
    const trimmed = canonical ? trimRange(text.text, canonical) : null;
    if (!trimmed) return;
    // Above the selection, starting where it starts.
    const first = [...range.getClientRects()].find((r) => r.width > 0) ?? range.getBoundingClientRect();
    const place = placeFor(range.getBoundingClientRect(), readerRef.current);
    place.left = Math.max(0, first.left - readerRef.current.getBoundingClientRect().left);
    setKeySel(null);
    setToolbar({ range: trimmed, place, source: 'mouse' });
  }, [letterRef, readerRef, starts, text]);

  // A mouse selection that goes away (a click elsewhere) closes the toolbar.
  useEffect(() => {
    if (!toolbar || toolbar.source !== 'mouse') return;
    const onSelectionChange = () => {
      const s = window.getSelection();
      if (!s || s.isCollapsed) setToolbar((tb) => (tb?.source === 'mouse' ? null : tb));
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [toolbar]);

  const undo = useCallback(
    (id: string) => {
      setToast(null);
      setOpenId((current) => (current === id ? null : current));
      // The restored card takes focus as it appears (the undo button it had is gone).
      focusRequests.current.set(id, 'toggle');
      restoreNote(id).then(() => say(t('toast.restored')), onError);
    },
    [restoreNote, say, t, onError],
  );

  const doDelete = useCallback(
    (a: Annotation) => {
      removeNote(a.id).then(() => {
        setOpenId((current) => (current === a.id ? null : current));
        setReattach((r) => (r?.id === a.id ? null : r));
        toastKey.current += 1;
        setToast({ key: toastKey.current, message: t('toast.deleted'), undo: () => undo(a.id), focus: true });
      }, onError);
    },
    [removeNote, t, undo, onError],
  );

  const requestDelete = useCallback(
    (a: Annotation) => {
      if (a.linkedDecisions.length > 0) setConfirm(a);
      else doDelete(a);
    },
    [doDelete],
  );

  // M starts keyboard marking; Ctrl+Z undoes a deletion while its toast shows.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]') || isEditable(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod && !e.altKey && (e.key === 'm' || e.key === 'M') && !markMode && !e.defaultPrevented) {
        e.preventDefault();
        startMarkMode();
      } else if (mod && !e.shiftKey && e.key.toLowerCase() === 'z' && toast?.undo) {
        e.preventDefault();
        toast.undo();
      } else if (e.key === 'Escape' && toolbar?.source === 'mouse' && !e.defaultPrevented) {
        // Escape closes the toolbar of a mouse selection (before it closes the find bar).
        e.preventDefault();
        setToolbar(null);
        window.getSelection()?.removeAllRanges();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [markMode, startMarkMode, toast, toolbar]);

  const actions = useMemo<NoteActions>(
    () => ({
      colors: () => latest.current.colors,
      tags: () => latest.current.tags,
      decisions: () => decisions,
      open,
      takeFocusRequest: (id, kind) => {
        if (focusRequests.current.get(id) !== kind) return false;
        focusRequests.current.delete(id);
        return true;
      },
      update: (id, patch) => updateNote(id, patch).then(() => undefined),
      requestDelete,
      link: (label, annotationId, linked) =>
        linkNote(label, annotationId, linked).then(
          () => say(t(linked ? 'notes.linked' : 'notes.unlinked', { label })),
          onError,
        ),
      reattach: (a) => setReattach(a),
      showDecision: onShowDecision,
    }),
    [updateNote, linkNote, decisions, open, requestDelete, say, t, onError, onShowDecision],
  );

  const view = useMemo<NotesView>(
    () => ({
      ready: annotations !== null,
      labels: notes.labels,
      parts,
      cards,
      openId,
      markMode,
      markParagraph,
      pending,
    }),
    [annotations, notes.labels, parts, cards, openId, markMode, markParagraph, pending],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!markMode || !keySel) return;
    const target = e.target as HTMLElement;
    if (!target.hasAttribute(BLOCK_ATTR)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    let move: KeyMove | null = null;
    switch (e.key) {
      case 'ArrowRight':
        move = e.shiftKey ? (ctrl ? 'extend-sentence' : 'extend-word') : ctrl ? 'next-sentence' : 'next-word';
        break;
      case 'ArrowLeft':
        move = e.shiftKey ? (ctrl ? 'shrink-sentence' : 'shrink-word') : ctrl ? 'previous-sentence' : 'previous-word';
        break;
      case 'ArrowDown':
        move = e.shiftKey ? 'extend-paragraph-end' : 'next-paragraph';
        break;
      case 'ArrowUp':
        move = 'previous-paragraph';
        break;
      case 'Home':
        move = e.shiftKey ? 'extend-paragraph-start' : 'paragraph-first';
        break;
      case 'End':
        move = e.shiftKey ? 'extend-paragraph-end' : 'paragraph-last';
        break;
      case 'a':
      case 'A':
        if (ctrl) move = 'whole-paragraph';
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (reattach) doReattach(spanOf(keySel), 'keyboard');
        else showToolbarForKeys();
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        stopMarkMode();
        return;
      case 'n':
      case 'N':
        if (ctrl || e.altKey || reattach) return;
        e.preventDefault();
        create(spanOf(keySel), lastColor, true, 'keyboard');
        return;
      default: {
        const n = Number(e.key);
        if (!ctrl && !e.altKey && !reattach && Number.isInteger(n) && n >= 1 && n <= HIGHLIGHT_COLOR_IDS.length) {
          e.preventDefault();
          const color = notes.colors[n - 1]?.id ?? HIGHLIGHT_COLOR_IDS[n - 1]!;
          create(spanOf(keySel), color, false, 'keyboard');
        }
        return;
      }
    }
    if (!move) return;
    e.preventDefault();
    const next = moveSelection(stops, keySel, move);
    setKeySel(next);
    say(describe(spanOf(next)));
  };

  const textHandlers: ReaderNotes['textHandlers'] = {
    onMouseUp: (e) => {
      if (e.button !== 0) return;
      window.setTimeout(fromMouseSelection, 0);
    },
    onKeyUp: (e) => {
      // A selection made with Shift+arrows in caret browsing gets the toolbar too.
      if (!markMode && e.shiftKey) fromMouseSelection();
    },
    onKeyDown,
    onClick: (e) => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const mark = (e.target as HTMLElement).closest?.('mark.hl');
      const id = mark?.getAttribute('data-annotation-id');
      if (!id) return;
      if (markMode) return;
      open(id, 'text');
    },
    onFocus: (e) => {
      if (!markMode) return;
      const id = (e.target as HTMLElement).getAttribute?.(BLOCK_ATTR);
      if (!id) return;
      const stop = stops.find((s) => s.id === id);
      if (!stop || (keySel && keySel.focus >= stop.start && keySel.focus <= stop.end)) return;
      setKeySel({ anchor: stop.words[0]!.start, focus: stop.words[0]!.end });
    },
  };

  const toolbarNode = toolbar && (
    <SelectionToolbar
      key={`${toolbar.range.start}-${toolbar.range.end}-${toolbar.source}`}
      place={toolbar.place}
      colors={notes.colors}
      reattaching={reattach !== null}
      autoFocus={toolbar.source === 'keyboard'}
      onColor={(color) => create(toolbar.range, color, false, toolbar.source)}
      onNote={() => create(toolbar.range, lastColor, true, toolbar.source)}
      onReattach={() => doReattach(toolbar.range, toolbar.source)}
      onColorsDialog={() => {
        setColorsOpen(true);
      }}
      onClose={(returnFocus, cancel) => {
        const source = toolbar.source;
        setToolbar(null);
        // "Annuleren" while re-attaching gives up the re-attaching.
        if (reattach && cancel) {
          setReattach(null);
          if (source === 'mouse') window.getSelection()?.removeAllRanges();
          if (markMode) stopMarkMode();
          return;
        }
        if (source === 'keyboard' && returnFocus && markParagraph)
          blockElement(markParagraph)?.focus({ preventScroll: true });
      }}
    />
  );

  const overlay = (
    <>
      {toolbarNode}
      {(markMode || reattach) && (
        <MarkBar
          markMode={markMode}
          reattachQuote={reattach ? shortQuote(reattach.quote.exact, 120) : null}
          colors={notes.colors}
          onStartKeyboard={() => startMarkMode()}
          onStop={() => {
            if (reattach) setReattach(null);
            stopMarkMode();
          }}
        />
      )}
      <UndoToast toast={toast} onDone={() => setToast(null)} />
      <div className="visually-hidden" role="status" data-testid="notes-live">
        {announcement}
      </div>
      {confirm && (
        <ConfirmDialog
          title={t('confirm.delete.title')}
          confirm={t('confirm.delete.yes')}
          cancel={t('confirm.delete.no')}
          danger
          onConfirm={() => {
            const a = confirm;
            setConfirm(null);
            doDelete(a);
          }}
          onCancel={() => setConfirm(null)}
        >
          <p>
            {confirm.linkedDecisions.length === 1
              ? t('confirm.delete.linked.one', { label: confirm.linkedDecisions[0]! })
              : t('confirm.delete.linked', { labels: confirm.linkedDecisions.join(', ') })}
          </p>
          <p>{t('confirm.delete.keep')}</p>
        </ConfirmDialog>
      )}
      {colorsOpen && (
        <ColorsDialog colors={notes.colors} onRename={notes.renameColor} onClose={() => setColorsOpen(false)} />
      )}
    </>
  );

  const reviewNode = (
    <ReviewPanel
      items={review}
      labels={notes.labels}
      reattachingId={reattach?.id ?? null}
      onReattach={(a) => {
        setReattach(a);
        say(t('reattach.started'));
      }}
      onAccept={(a) => {
        notes
          .update(a.id, { range: { start: a.position.start, end: a.position.end } })
          .then(() => say(t('review.accepted')), onError);
      }}
      onShow={(a) => {
        open(a.id);
        window.setTimeout(() => {
          const card = document.getElementById(`note-${a.id}`);
          card?.scrollIntoView({ block: 'center' });
          card?.querySelector<HTMLElement>('.note-card__toggle')?.focus({ preventScroll: true });
        }, 0);
      }}
      onDelete={(a) => requestDelete(a)}
    />
  );

  return {
    view,
    actions,
    overlay,
    review: reviewNode,
    markMode,
    toggleMarkMode: () => (markMode ? stopMarkMode() : startMarkMode()),
    openColors: () => setColorsOpen(true),
    textHandlers,
  };
}

/**
 * What the letter's paragraphs and margin need from the reader's notes: the drawn layers and cards
 * per paragraph (`NotesView`, changes when notes change) and the actions (`NoteActions`, stable).
 */
import { createContext, useContext } from 'react';
import type { Annotation, HighlightColor, HighlightColorId, TagInfo } from '../../../../electron/shared/notes';
import type { HighlightPart } from './layers';
import type { Span } from './selection';
import type { AnnotationPatch } from './useLetterNotes';

export interface NotesView {
  /** True once the letter's annotations are loaded (and drawn in the same render). */
  ready: boolean;
  labels: Readonly<Record<HighlightColorId, string>>;
  parts: ReadonlyMap<string, HighlightPart[]>;
  /** Annotations by the paragraph their card stands next to. */
  cards: ReadonlyMap<string, Annotation[]>;
  openId: string | null;
  /** Keyboard marking: the paragraph that has focus, and the passage chosen so far per paragraph. */
  markMode: boolean;
  markParagraph: string | null;
  pending: ReadonlyMap<string, Span>;
}

export interface NoteActions {
  colors: () => HighlightColor[];
  tags: () => TagInfo[];
  decisions: () => string[];
  /** Opens (or closes, with null) a note in the margin; `focus` moves focus into its text field. */
  open: (id: string | null, focus?: 'text' | 'toggle') => void;
  /** True (once) when focus should go to this note's text field or toggle button as it renders. */
  takeFocusRequest: (id: string, kind: 'text' | 'toggle') => boolean;
  update: (id: string, patch: AnnotationPatch) => Promise<void>;
  requestDelete: (annotation: Annotation) => void;
  link: (label: string, annotationId: string, linked: boolean) => Promise<void>;
  reattach: (annotation: Annotation) => void;
  /** Jump to a decision's position editor. */
  showDecision: (label: string) => void;
}

export const EMPTY_VIEW: NotesView = {
  ready: false,
  labels: { geel: '', blauw: '', rood: '', groen: '', paars: '' },
  parts: new Map(),
  cards: new Map(),
  openId: null,
  markMode: false,
  markParagraph: null,
  pending: new Map(),
};

export const NotesViewContext = createContext<NotesView>(EMPTY_VIEW);
export const NoteActionsContext = createContext<NoteActions | null>(null);

export function useNotesView(): NotesView {
  return useContext(NotesViewContext);
}

export function useNoteActions(): NoteActions {
  const actions = useContext(NoteActionsContext);
  if (!actions) throw new Error('NoteActionsContext missing');
  return actions;
}

/**
 * Everything the user wrote about one letter, as the reader needs it: the annotations, the colour
 * meanings, the tags (for autocomplete), the letter's own tags and the positions on its decisions.
 * Writes go to the API; the state follows the answers (the server is the truth).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import { ApiError } from '../../api';
import type {
  Annotation,
  HighlightColor,
  HighlightColorId,
  Position,
  PositionPatch,
  TagInfo,
} from '../../../../electron/shared/notes';
import { HIGHLIGHT_COLOR_IDS } from '../../../../electron/shared/notes-constants';

export interface AnnotationPatch {
  note?: string;
  color?: HighlightColorId;
  tags?: string[];
  range?: { start: number; end: number };
}

export interface LetterNotes {
  /** Null while loading. */
  annotations: Annotation[] | null;
  colors: HighlightColor[];
  labels: Readonly<Record<HighlightColorId, string>>;
  tags: TagInfo[];
  documentTags: string[] | null;
  positions: Position[] | null;
  create: (input: {
    start: number;
    end: number;
    color: HighlightColorId;
    note?: string;
    tags?: string[];
  }) => Promise<Annotation>;
  update: (id: string, patch: AnnotationPatch) => Promise<Annotation>;
  remove: (id: string) => Promise<{ id: string; linkedDecisions: string[] }>;
  restore: (id: string) => Promise<Annotation>;
  renameColor: (id: HighlightColorId, label: string) => Promise<void>;
  setDocumentTags: (tags: string[]) => Promise<void>;
  refreshTags: () => void;
  savePosition: (label: string, patch: PositionPatch) => Promise<Position>;
  link: (label: string, annotationId: string, linked: boolean) => Promise<Position>;
}

const DEFAULT_LABELS: Record<HighlightColorId, string> = {
  geel: 'Belangrijk',
  blauw: 'Vraag',
  rood: 'Oneens',
  groen: 'Eens',
  paars: 'Uitzoeken',
};

function byPosition(a: Annotation, b: Annotation): number {
  return a.position.start - b.position.start || a.createdAt.localeCompare(b.createdAt);
}

export function useLetterNotes(api: RaadsmapApi, documentId: string, onError: (e: unknown) => void): LetterNotes {
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null);
  const [colors, setColors] = useState<HighlightColor[]>(
    HIGHLIGHT_COLOR_IDS.map((id) => ({ id, label: DEFAULT_LABELS[id] })),
  );
  const [tags, setTags] = useState<TagInfo[]>([]);
  const [documentTags, setDocumentTagsState] = useState<string[] | null>(null);
  const [positions, setPositions] = useState<Position[] | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api['annotations.list']({ documentId }), api['notes.colors']({})]).then(([list, cs]) => {
      if (!live) return;
      setColors(cs);
      setAnnotations([...list].sort(byPosition));
    }, onError);
    api['positions.list']({ documentId }).then(
      (list) => live && setPositions(list),
      // A letter that is not installed (its pack was removed) has no decisions to show: the reader
      // says so itself, without an error dialog.
      (e: unknown) =>
        e instanceof ApiError && e.code === 'document-not-found' ? live && setPositions([]) : onError(e),
    );
    api['documents.allTags']({}).then((all) => live && setDocumentTagsState(all[documentId] ?? []), onError);
    api['tags.list']({}).then((list) => live && setTags(list), onError);
    return () => {
      live = false;
    };
  }, [api, documentId, onError]);

  const refreshTags = useCallback(() => {
    api['tags.list']({}).then(setTags, () => undefined);
  }, [api]);

  const replace = useCallback((a: Annotation) => {
    setAnnotations((list) => {
      const rest = (list ?? []).filter((x) => x.id !== a.id);
      return [...rest, a].sort(byPosition);
    });
  }, []);

  const create = useCallback<LetterNotes['create']>(
    async (input) => {
      const a = await api['annotations.create']({ documentId, ...input });
      replace(a);
      if (input.tags?.length) refreshTags();
      return a;
    },
    [api, documentId, replace, refreshTags],
  );

  const update = useCallback<LetterNotes['update']>(
    async (id, patch) => {
      const a = await api['annotations.update']({ id, ...patch });
      replace(a);
      if (patch.tags) refreshTags();
      return a;
    },
    [api, replace, refreshTags],
  );

  const remove = useCallback<LetterNotes['remove']>(
    async (id) => {
      const result = await api['annotations.delete']({ id });
      setAnnotations((list) => (list ?? []).filter((x) => x.id !== id));
      // Positions list only the passages that still exist.
      if (result.linkedDecisions.length) {
        setPositions((ps) =>
          ps ? ps.map((p) => ({ ...p, linkedAnnotationIds: p.linkedAnnotationIds.filter((x) => x !== id) })) : ps,
        );
      }
      return result;
    },
    [api],
  );

  const restore = useCallback<LetterNotes['restore']>(
    async (id) => {
      const a = await api['annotations.restore']({ id });
      replace(a);
      if (a.linkedDecisions.length) api['positions.list']({ documentId }).then(setPositions, () => undefined);
      return a;
    },
    [api, documentId, replace],
  );

  const renameColor = useCallback<LetterNotes['renameColor']>(
    async (id, label) => {
      setColors(await api['notes.renameColor']({ id, label }));
    },
    [api],
  );

  const setDocumentTags = useCallback<LetterNotes['setDocumentTags']>(
    async (next) => {
      setDocumentTagsState(next);
      setDocumentTagsState(await api['documents.setTags']({ documentId, tags: next }));
      refreshTags();
    },
    [api, documentId, refreshTags],
  );

  const putPosition = useCallback((p: Position) => {
    setPositions((ps) => (ps ? ps.map((x) => (x.decisionLabel === p.decisionLabel ? p : x)) : [p]));
  }, []);

  const savePosition = useCallback<LetterNotes['savePosition']>(
    async (label, patch) => {
      const p = await api['positions.save']({ documentId, decisionLabel: label, patch });
      putPosition(p);
      return p;
    },
    [api, documentId, putPosition],
  );

  const link = useCallback<LetterNotes['link']>(
    async (label, annotationId, linked) => {
      const p = await api['positions.link']({ documentId, decisionLabel: label, annotationId, linked });
      putPosition(p);
      setAnnotations((list) =>
        (list ?? []).map((a) =>
          a.id !== annotationId
            ? a
            : {
                ...a,
                linkedDecisions: linked
                  ? [...new Set([...a.linkedDecisions, label])].sort()
                  : a.linkedDecisions.filter((l) => l !== label),
              },
        ),
      );
      return p;
    },
    [api, documentId, putPosition],
  );

  const labels = useMemo(() => {
    const out = { ...DEFAULT_LABELS };
    for (const c of colors) out[c.id] = c.label;
    return out;
  }, [colors]);

  return {
    annotations,
    colors,
    labels,
    tags,
    documentTags,
    positions,
    create,
    update,
    remove,
    restore,
    renameColor,
    setDocumentTags,
    refreshTags,
    savePosition,
    link,
  };
}

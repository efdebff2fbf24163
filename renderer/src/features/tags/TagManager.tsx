/**
 * "Labels beheren": every tag with how many notes and letters carry it. Rename inline (a name
 * another tag already has offers to merge instead), merge several into one, delete after a
 * question that says what it touches, with undo (the server's snapshot put back by tags.restore).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { RaadsmapApi, Result } from '../../../../electron/shared/contract';
import type { TagInfo } from '../../../../electron/shared/notes';
import { ApiError } from '../../api';
import { useI18n, type Translate } from '../../i18n';
import { defaultNotes, hasNavigated, hrefFor } from '../../router';
import { fold } from '../notes/model';

type Snapshot = Result<'tags.delete'>;

interface Renaming {
  id: number;
  text: string;
  /** The name is taken: offer to merge into that tag. */
  exists: TagInfo | null;
  error: { nl: string; en: string } | null;
}

interface Toast {
  message: string;
  undo: Snapshot | null;
}

export function countNotes(t: Translate, n: number): string {
  return n === 1 ? t('overview.count.annotations.one') : t('overview.count.annotations', { n: n.toLocaleString() });
}

export function countLetters(t: Translate, n: number): string {
  return n === 1 ? t('library.count.one') : t('library.count', { n: n.toLocaleString() });
}

export function TagManager({ api, onError }: { api: RaadsmapApi; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [tags, setTags] = useState<TagInfo[] | null>(null);
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [renaming, setRenaming] = useState<Renaming | null>(null);
  const [deleting, setDeleting] = useState<TagInfo | null>(null);
  const [merging, setMerging] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<(() => void) | null>(null);

  useEffect(() => {
    document.title = `${t('tagmgr.title')} — Raadsmap`;
  }, [t]);

  useEffect(() => {
    let live = true;
    api['tags.list']({}).then((list) => live && setTags(list), onError);
    return () => {
      live = false;
    };
  }, [api, onError]);

  const ready = tags !== null;
  useEffect(() => {
    if (ready && hasNavigated()) heading.current?.focus();
  }, [ready]);

  // Focus moves after the DOM shows the change (a row re-rendered, the toast opened).
  useEffect(() => {
    const f = focusAfter.current;
    focusAfter.current = null;
    f?.();
  });

  const focusRow = useCallback((name: string, which: 'rename' | 'delete' = 'rename') => {
    focusAfter.current = () => {
      const row = [...(root.current?.querySelectorAll<HTMLElement>('[data-tag-name]') ?? [])].find(
        (r) => r.dataset.tagName === name,
      );
      const button = row?.querySelector<HTMLElement>(`[data-action="${which}"]`);
      (button ?? heading.current)?.focus();
    };
  }, []);

  const run = async <T,>(work: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    try {
      return await work();
    } catch (e) {
      onError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const saveRename = async () => {
    if (!renaming || !tags) return;
    const tag = tags.find((x) => x.id === renaming.id);
    const name = renaming.text.trim().replace(/\s+/g, ' ');
    if (!tag) return;
    if (!name || name === tag.name) {
      setRenaming(null);
      focusRow(tag.name);
      return;
    }
    setBusy(true);
    try {
      const list = await api['tags.rename']({ id: tag.id, name });
      setTags(list);
      setRenaming(null);
      setAnnouncement(t('tagmgr.rename.done', { old: tag.name, name }));
      focusRow(name);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'tag-exists') {
        const other = tags.find((x) => x.id !== tag.id && fold(x.name) === fold(name)) ?? null;
        setRenaming({ ...renaming, exists: other, error: other ? null : { nl: e.nl, en: e.en } });
      } else if (e instanceof ApiError) {
        setRenaming({ ...renaming, exists: null, error: { nl: e.nl, en: e.en } });
      } else onError(e);
    } finally {
      setBusy(false);
    }
  };

  const merge = async (sourceIds: number[], target: TagInfo) => {
    const list = await run(() => api['tags.merge']({ sourceIds, targetId: target.id }));
    if (!list) return;
    setTags(list);
    setSelected(new Set());
    setRenaming(null);
    setMerging(false);
    setAnnouncement(t('tagmgr.merge.done', { n: sourceIds.length + 1, name: target.name }));
    focusRow(target.name);
  };

  const remove = async (tag: TagInfo) => {
    const snapshot = await run(() => api['tags.delete']({ id: tag.id }));
    setDeleting(null);
    if (!snapshot) return;
    const list = await run(() => api['tags.list']({}));
    if (list) setTags(list);
    setSelected((s) => {
      const next = new Set(s);
      next.delete(tag.id);
      return next;
    });
    const message = t('tagmgr.delete.done', { name: tag.name });
    setToast({ message, undo: snapshot });
    setAnnouncement(message);
    focusAfter.current = () => undoButton.current?.focus();
  };

  const undo = async (snapshot: Snapshot) => {
    const list = await run(() => api['tags.restore'](snapshot));
    if (!list) return;
    setTags(list);
    const message = t('tagmgr.undo.done', { name: snapshot.name });
    setToast({ message, undo: null });
    setAnnouncement(message);
    focusRow(snapshot.name, 'delete');
  };

  const chosen = tags ? tags.filter((x) => selected.has(x.id)) : [];

  return (
    <div className="page page--tags" ref={root} data-testid={tags ? 'tags-ready' : 'tags-loading'}>
      <p className="reader__back">
        <a href={hrefFor({ name: 'notes', params: defaultNotes() })}>← {t('tagmgr.back')}</a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('tagmgr.title')}
      </h1>
      <p className="lead">{t('tagmgr.intro')}</p>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
      {!tags ? (
        <p role="status">{t('app.loading')}</p>
      ) : tags.length === 0 ? (
        <p className="notes-empty">{t('tagmgr.empty')}</p>
      ) : (
        <>
          <div className="tags-toolbar">
            <button
              type="button"
              className="button button--secondary"
              disabled={chosen.length < 2 || busy}
              aria-describedby="tags-merge-hint"
              onClick={() => setMerging(true)}
            >
              {t('tagmgr.merge')}
            </button>
            <span id="tags-merge-hint" className="filter-hint">
              {chosen.length < 2 ? t('tagmgr.merge.hint') : t('tagmgr.merge.chosen', { n: chosen.length })}
            </span>
          </div>
          <div className="table-wrap">
            <table className="library-table tags-table">
              <caption>{t('tagmgr.caption', { n: tags.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="tags-table__select">
                    <span className="visually-hidden">{t('tagmgr.col.select')}</span>
                  </th>
                  <th scope="col">{t('tagmgr.col.name')}</th>
                  <th scope="col" className="num">
                    {t('tagmgr.col.annotations')}
                  </th>
                  <th scope="col" className="num">
                    {t('tagmgr.col.documents')}
                  </th>
                  <th scope="col">{t('tagmgr.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tags.map((tag) => (
                  <TagRow
                    key={tag.id}
                    tag={tag}
                    selected={selected.has(tag.id)}
                    onSelect={(on) =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (on) next.add(tag.id);
                        else next.delete(tag.id);
                        return next;
                      })
                    }
                    renaming={renaming?.id === tag.id ? renaming : null}
                    onRenameStart={() => setRenaming({ id: tag.id, text: tag.name, exists: null, error: null })}
                    onRenameText={(text) => renaming && setRenaming({ ...renaming, text, exists: null, error: null })}
                    onRenameSave={saveRename}
                    onRenameCancel={() => {
                      setRenaming(null);
                      focusRow(tag.name);
                    }}
                    onMergeInto={(other) => merge([tag.id], other)}
                    onDelete={() => setDeleting(tag)}
                    busy={busy}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {deleting && (
        <ConfirmDelete
          tag={deleting}
          busy={busy}
          onConfirm={() => remove(deleting)}
          onClose={() => {
            if (deleting && tags?.some((x) => x.id === deleting.id)) focusRow(deleting.name, 'delete');
            setDeleting(null);
          }}
        />
      )}
      {merging && chosen.length >= 2 && (
        <MergeDialog
          tags={chosen}
          busy={busy}
          onMerge={(target) =>
            merge(
              chosen.filter((x) => x.id !== target.id).map((x) => x.id),
              target,
            )
          }
          onClose={() => setMerging(false)}
        />
      )}
      {toast && (
        <div className="tagmgr-toast" role="region" aria-label={t('tagmgr.toast')}>
          <p className="tagmgr-toast__message">{toast.message}</p>
          {toast.undo && (
            <button
              ref={undoButton}
              type="button"
              className="button tagmgr-toast__undo"
              disabled={busy}
              onClick={() => toast.undo && undo(toast.undo)}
            >
              {t('tagmgr.undo')}
            </button>
          )}
          <button
            type="button"
            className="icon-button tagmgr-toast__close"
            aria-label={t('tagmgr.toast.close')}
            title={t('tagmgr.toast.close')}
            onClick={() => {
              setToast(null);
              heading.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}

function TagRow({
  tag,
  selected,
  onSelect,
  renaming,
  onRenameStart,
  onRenameText,
  onRenameSave,
  onRenameCancel,
  onMergeInto,
  onDelete,
  busy,
}: {
  tag: TagInfo;
  selected: boolean;
  onSelect: (on: boolean) => void;
  renaming: Renaming | null;
  onRenameStart: () => void;
  onRenameText: (text: string) => void;
  onRenameSave: () => void;
  onRenameCancel: () => void;
  onMergeInto: (other: TagInfo) => void;
  onDelete: () => void;
  busy: boolean;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const notesHref = hrefFor({ name: 'notes', params: { ...defaultNotes(), group: 'label', tag: tag.name } });
  return (
    <tr data-tag-name={tag.name} className={selected ? 'is-selected' : undefined}>
      <td className="tags-table__select">
        <input
          type="checkbox"
          className="tags-table__check"
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={t('tagmgr.select', { name: tag.name })}
        />
      </td>
      <th scope="row" className="tags-table__name">
        {renaming ? (
          <form
            className="tags-rename"
            onSubmit={(e) => {
              e.preventDefault();
              onRenameSave();
            }}
          >
            <label htmlFor={`${id}-name`} className="visually-hidden">
              {t('tagmgr.rename.label', { name: tag.name })}
            </label>
            <input
              id={`${id}-name`}
              className="text-input"
              type="text"
              value={renaming.text}
              maxLength={60}
              autoFocus
              aria-describedby={renaming.exists || renaming.error ? `${id}-problem` : undefined}
              aria-invalid={renaming.exists || renaming.error ? true : undefined}
              onChange={(e) => onRenameText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  onRenameCancel();
                }
              }}
              disabled={busy}
            />
            <span className="tags-rename__buttons">
              <button type="submit" className="button button--small" disabled={busy}>
                {t('tagmgr.rename.save')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={onRenameCancel}>
                {t('tagmgr.rename.cancel')}
              </button>
            </span>
            {renaming.exists && (
              <span className="tags-rename__problem" id={`${id}-problem`} role="alert">
                <span>{t('tagmgr.rename.exists', { old: tag.name, name: renaming.exists.name })}</span>{' '}
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() => renaming.exists && onMergeInto(renaming.exists)}
                >
                  {t('tagmgr.rename.merge', { name: renaming.exists.name })}
                </button>
              </span>
            )}
            {renaming.error && (
              <span className="tags-rename__problem" id={`${id}-problem`} role="alert">
                {locale === 'nl' ? renaming.error.nl : renaming.error.en}{' '}
                <span className="muted" lang={locale === 'nl' ? 'en' : 'nl'}>
                  ({locale === 'nl' ? renaming.error.en : renaming.error.nl})
                </span>
              </span>
            )}
          </form>
        ) : (
          <span className="label-chip label-chip--large">{tag.name}</span>
        )}
      </th>
      <td className="num">
        {tag.annotationCount > 0 ? (
          <a href={notesHref}>
            {tag.annotationCount.toLocaleString()}
            <span className="visually-hidden"> {t('tagmgr.count.notes', { name: tag.name })}</span>
          </a>
        ) : (
          0
        )}
      </td>
      <td className="num">
        {tag.documentCount > 0 ? (
          <a href={hrefFor({ name: 'library', tag: tag.name })}>
            {tag.documentCount.toLocaleString()}
            <span className="visually-hidden"> {t('tagmgr.count.letters', { name: tag.name })}</span>
          </a>
        ) : (
          0
        )}
      </td>
      <td>
        <span className="tags-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            data-action="rename"
            onClick={onRenameStart}
            disabled={busy || renaming !== null}
          >
            {t('tagmgr.rename')}
            <span className="visually-hidden"> {tag.name}</span>
          </button>
          <button
            type="button"
            className="button button--destructive button--small"
            data-action="delete"
            onClick={onDelete}
            disabled={busy}
          >
            {t('tagmgr.delete')}
            <span className="visually-hidden"> {tag.name}</span>
          </button>
        </span>
      </td>
    </tr>
  );
}

function ConfirmDelete({
  tag,
  busy,
  onConfirm,
  onClose,
}: {
  tag: TagInfo;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby="tag-delete-title"
      aria-describedby="tag-delete-question"
      onClose={onClose}
    >
      <h2 id="tag-delete-title">{t('tagmgr.delete.title')}</h2>
      <p id="tag-delete-question">
        {t('tagmgr.delete.question', {
          name: tag.name,
          annotations: countNotes(t, tag.annotationCount),
          documents: countLetters(t, tag.documentCount),
        })}
      </p>
      <p className="muted">{t('tagmgr.delete.keep')}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" autoFocus onClick={() => ref.current?.close()}>
          {t('tagmgr.rename.cancel')}
        </button>
        <button type="button" className="button button--destructive-solid" disabled={busy} onClick={onConfirm}>
          {t('tagmgr.delete.confirm')}
        </button>
      </div>
    </dialog>
  );
}

function MergeDialog({
  tags,
  busy,
  onMerge,
  onClose,
}: {
  tags: TagInfo[];
  busy: boolean;
  onMerge: (target: TagInfo) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [target, setTarget] = useState<number>(
    () => [...tags].sort((a, b) => b.annotationCount + b.documentCount - (a.annotationCount + a.documentCount))[0]!.id,
  );
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const chosen = tags.find((x) => x.id === target) ?? tags[0]!;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onMerge(chosen);
        }}
      >
        <h2 id={`${id}-title`}>{t('tagmgr.merge.title')}</h2>
        <fieldset className="filter-group">
          <legend>{t('tagmgr.merge.target')}</legend>
          <ul className="filter-letters">
            {tags.map((tag) => (
              <li key={tag.id}>
                <label className="check">
                  <input
                    type="radio"
                    name={`${id}-target`}
                    checked={tag.id === target}
                    onChange={() => setTarget(tag.id)}
                  />
                  <span>
                    {tag.name}{' '}
                    <span className="filter-count">
                      ({countNotes(t, tag.annotationCount)}, {countLetters(t, tag.documentCount)})
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p className="muted">{t('tagmgr.merge.explain', { name: chosen.name })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => ref.current?.close()}>
            {t('tagmgr.rename.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy}>
            {t('tagmgr.merge.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * "Pakketten" (`#/pakketten`): the installed packs (version, publisher, issued, letters, who signed
 * them), removing a pack (its letters go, the notes on them stay), the publisher keys this computer
 * trusts, and the history of installs, updates and removals ("Wat is er veranderd").
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RaadsmapApi } from '../../../../electron/shared/contract';
import type { InstalledPackInfo, PackUpdateSummary, TrustedKey } from '../../../../electron/shared/packs';
import { formatDate, useI18n, type MessageKey } from '../../i18n';
import { hasNavigated, hrefFor } from '../../router';
import { ConfirmDialog } from '../annotations/ConfirmDialog';
import { formatDateTime } from '../backup/BackupView';
import { Fingerprint } from './Fingerprint';
import { MeetingFacts } from './meeting';
import { groupFingerprint, openPack } from './open';

export function PacksView({
  api,
  onError,
  version,
  onChanged,
}: {
  api: RaadsmapApi;
  onError: (e: unknown) => void;
  /** Bumped when a pack was installed elsewhere (the dialog, a drop). */
  version: number;
  /** A pack was removed: the library changed. */
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const [packs, setPacks] = useState<InstalledPackInfo[] | null>(null);
  const [keys, setKeys] = useState<TrustedKey[]>([]);
  const [updates, setUpdates] = useState<PackUpdateSummary[]>([]);
  const [removing, setRemoving] = useState<InstalledPackInfo | null>(null);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const packsHeading = useRef<HTMLHeadingElement>(null);
  const keysHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('packs.title')} — Raadsmap`;
  }, [t]);

  const load = useCallback(
    () =>
      Promise.all([api['packs.list']({}), api['packs.keys']({}), api['packs.updates']({})]).then(([p, k, u]) => {
        setPacks(p);
        setKeys(k);
        setUpdates(u);
      }, onError),
    [api, onError],
  );

  useEffect(() => {
    void load();
  }, [load, version]);

  const ready = packs !== null;
  useEffect(() => {
    if (ready && hasNavigated()) heading.current?.focus();
  }, [ready]);

  const remove = async (pack: InstalledPackInfo) => {
    try {
      await api['packs.remove']({ id: pack.id });
      setMessage(t('packs.removed', { title: pack.title }));
      onChanged();
      await load();
      packsHeading.current?.focus();
    } catch (e) {
      onError(e);
    }
  };

  const untrust = async (key: TrustedKey) => {
    try {
      setKeys(await api['packs.untrustKey']({ fingerprint: key.fingerprint }));
      setMessage(t('packs.keys.untrusted', { fingerprint: groupFingerprint(key.fingerprint) }));
      keysHeading.current?.focus();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <div className="page page--packs" data-testid={packs ? 'packs-ready' : 'packs-loading'}>
      <div className="page-titlebar">
        <h1 ref={heading} tabIndex={-1}>
          {t('packs.title')}
        </h1>
        <button type="button" className="button" onClick={() => openPack('pick')}>
          {t('packs.open')}
        </button>
      </div>
      <p className="lead">{t('packs.intro')}</p>
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {message && (
        <div className="alert alert--success" aria-hidden="true">
          <p>{message}</p>
        </div>
      )}

      <section aria-labelledby="packs-installed" className="packs-section">
        <h2 id="packs-installed" ref={packsHeading} tabIndex={-1}>
          {t('packs.installed')}
        </h2>
        {!packs ? (
          <p role="status">{t('app.loading')}</p>
        ) : packs.length === 0 ? (
          <p>{t('packs.none')}</p>
        ) : (
          <ul className="pack-list">
            {packs.map((p) => (
              <li key={p.id} className="pack-card" data-pack-id={p.id}>
                <h3 className="pack-card__title" lang="nl">
                  {p.title}
                </h3>
                <dl className="facts facts--compact">
                  <div className="facts__row">
                    <dt>{t('packs.version')}</dt>
                    <dd>{p.version}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('packs.publisher')}</dt>
                    <dd lang="nl">{p.publisher ?? '—'}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('packs.issued')}</dt>
                    <dd>{p.issued ? formatDate(p.issued, locale) : '—'}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('packs.letters')}</dt>
                    <dd>{p.documentCount}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('packs.signedBy')}</dt>
                    <dd>
                      {p.source === 'bundled' ? (
                        t('packs.source.bundled')
                      ) : p.source === 'local' ? (
                        t('packs.source.local')
                      ) : p.fingerprint ? (
                        <Fingerprint value={p.fingerprint} />
                      ) : (
                        t('packs.unsigned')
                      )}
                    </dd>
                  </div>
                </dl>
                <MeetingFacts meeting={p.meeting} variant="banner" />
                <div className="pack-card__actions">
                  {p.source === 'bundled' ? (
                    <p className="field-hint">{t('packs.remove.bundled')}</p>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setRemoving(p)}
                    >
                      {t('packs.remove')}
                      <span className="visually-hidden"> ({p.title})</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="packs-keys" className="packs-section">
        <h2 id="packs-keys" ref={keysHeading} tabIndex={-1}>
          {t('packs.keys.title')}
        </h2>
        <p>{t('packs.keys.intro')}</p>
        {keys.length === 0 ? (
          <p className="muted">{t('packs.keys.none')}</p>
        ) : (
          <ul className="key-list">
            {keys.map((k) => (
              <li key={k.fingerprint} className="key-item">
                <span className="key-item__label" lang="nl">
                  {k.label}
                </span>
                <Fingerprint value={k.fingerprint} />
                <span className="muted key-item__date">
                  {t('packs.keys.added', { date: formatDateTime(k.addedAt, locale) })}
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void untrust(k)}
                >
                  {t('packs.keys.untrust')}
                  <span className="visually-hidden"> ({k.label})</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="packs-history" className="packs-section">
        <h2 id="packs-history">{t('packs.history.title')}</h2>
        {updates.length === 0 ? (
          <p className="muted">{t('packs.history.none')}</p>
        ) : (
          <ol className="history-list">
            {updates.map((u) => (
              <li key={u.id} className="history-item">
                <p className="history-item__head">
                  <span className={`badge badge--kind badge--${u.kind}`}>
                    {t(`packs.kind.${u.kind}` as MessageKey)}
                  </span>{' '}
                  <strong lang="nl">{u.packTitle}</strong>{' '}
                  <span>
                    {u.kind === 'update'
                      ? t('update.sub.update', { from: u.fromVersion ?? '?', to: u.toVersion ?? '?' })
                      : u.kind === 'install'
                        ? t('update.sub.install', { to: u.toVersion ?? '?' })
                        : t('update.sub.remove', { from: u.fromVersion ?? '?' })}
                  </span>{' '}
                  <span className="muted">· {formatDateTime(u.at, locale)}</span>
                </p>
                <p className="history-item__counts">
                  {t('packs.history.counts', {
                    added: u.added.length,
                    changed: u.changed.length,
                    removed: u.removed.length,
                  })}
                  {u.kind !== 'remove' && (
                    <>
                      {' · '}
                      {t('update.noteCounts', {
                        anchored: u.notes.anchored ?? 0,
                        moved: u.notes.moved ?? 0,
                        changed: u.notes.changed ?? 0,
                        orphan: u.notes.orphan ?? 0,
                      })}
                    </>
                  )}
                </p>
                <p>
                  <a href={hrefFor({ name: 'packUpdate', id: u.id })}>
                    {t('packs.history.open')}
                    <span className="visually-hidden">
                      {' '}
                      ({u.packTitle}, {formatDateTime(u.at, locale)})
                    </span>
                  </a>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {removing && (
        <ConfirmDialog
          title={t('packs.remove.title', { title: removing.title })}
          confirm={t('packs.remove.confirm')}
          cancel={t('packs.remove.cancel')}
          danger
          onConfirm={() => {
            const pack = removing;
            setRemoving(null);
            void remove(pack);
          }}
          onCancel={() => setRemoving(null)}
        >
          <p>
            {removing.documentCount === 1
              ? t('packs.remove.body.one')
              : t('packs.remove.body', { n: removing.documentCount })}
          </p>
          <p>{t('packs.remove.notes')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/**
 * "Mijn standpunten": how far the user is with this letter's decisions ("3 van 5 bepaald"), each
 * decision's stance and status, and a way to its position editor and to its place in the text.
 */
import type { Decision } from '../../../../electron/shared/model';
import type { Position } from '../../../../electron/shared/notes';
import { useI18n, type MessageKey } from '../../i18n';
import { stanceKey } from './PositionEditor';

interface Props {
  decisions: Decision[];
  positions: Position[] | null;
  link: (target: string) => string;
  onOpen: (label: string) => void;
  /** "Exporteren…" for this letter's positions. */
  onExport?: () => void;
}

export function PositionsOverview({ decisions, positions, link, onOpen, onExport }: Props) {
  const { t } = useI18n();
  if (decisions.length === 0) return null;
  const byLabel = new Map((positions ?? []).map((p) => [p.decisionLabel, p]));
  const decided = decisions.filter((d) => (byLabel.get(d.label)?.stance ?? 'nog-bepalen') !== 'nog-bepalen');
  const open = decisions.filter((d) => !decided.includes(d));
  const final = decisions.filter((d) => byLabel.get(d.label)?.status === 'definitief').length;
  return (
    <section
      className="positions-overview"
      id="standpunten"
      aria-labelledby="positions-title"
      data-testid="positions-overview"
    >
      <div className="positions-overview__head">
        <h2 id="positions-title">{t('positions.title')}</h2>
        {onExport && (
          <button type="button" className="button button--secondary button--small" onClick={onExport}>
            {t('export.open')}
          </button>
        )}
      </div>
      <p className="positions-overview__progress" id="positions-progress">
        <strong>{t('positions.progress', { n: decided.length, total: decisions.length })}</strong>
        {final > 0 && <> · {t('positions.final', { n: final })}</>}
        {open.length > 0 && decided.length > 0 && (
          <> · {t('positions.open', { labels: open.map((d) => d.label).join(', ') })}</>
        )}
      </p>
      <div className="progress-bar" aria-hidden="true">
        <span className="progress-bar__fill" style={{ width: `${(100 * decided.length) / decisions.length}%` }} />
      </div>
      <ol className="positions-list">
        {decisions.map((d) => {
          const p = byLabel.get(d.label);
          const stance = p?.stance ?? 'nog-bepalen';
          return (
            <li key={d.label} className={`positions-list__item${stance === 'nog-bepalen' ? ' is-open' : ''}`}>
              <a
                className="positions-list__decision"
                href={link(`besluit-${d.label}`)}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(d.label);
                }}
              >
                {t('reader.decision', { label: d.label })}
              </a>
              <span className={`stance-badge stance-badge--${stance}`}>{t(stanceKey(stance))}</span>
              {p && p.updatedAt && stance !== 'nog-bepalen' && (
                <span className="positions-list__status">{t(`position.status.${p.status}` as MessageKey)}</span>
              )}
              {p && p.linkedAnnotationIds.length > 0 && (
                <span className="positions-list__count">
                  {p.linkedAnnotationIds.length === 1
                    ? t('positions.passages.one')
                    : t('positions.passages', { n: p.linkedAnnotationIds.length })}
                </span>
              )}
              {p?.decisionChanged && <span className="badge badge--warn">{t('positions.changed')}</span>}
              {d.paragraphIds.length > 0 && (
                <a className="positions-list__text" href={link(d.paragraphIds[d.paragraphIds.length - 1]!)}>
                  {t('reader.decision.inText')}
                  <span className="visually-hidden"> ({t('reader.decision', { label: d.label })})</span>
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

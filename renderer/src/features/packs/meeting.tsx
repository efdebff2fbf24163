/**
 * The meeting a letter prepares: "Vergadering: 12 juni 2019" and "Amendementen en moties uiterlijk:
 * 5 juni 2019 — nog 3 dagen" (or "vandaag", "verstreken"). Days are counted from today's date in
 * local time, so the count changes at midnight where the user is, not in UTC.
 */
import { formatDate, useI18n } from '../../i18n';

export interface Meeting {
  date: string | null;
  amendmentDeadline: string | null;
}

/** Whole days from today (local calendar date) to an ISO date; negative once it has passed. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  const [y, m, d] = iso.split('-').map(Number);
  const target = Date.UTC(y!, m! - 1, d!);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / 86_400_000);
}

export function MeetingFacts({ meeting, variant }: { meeting: Meeting | null; variant: 'row' | 'banner' }) {
  const { t, locale } = useI18n();
  if (!meeting || (!meeting.date && !meeting.amendmentDeadline)) return null;
  const left = meeting.amendmentDeadline ? daysUntil(meeting.amendmentDeadline) : null;
  const status =
    left === null
      ? null
      : left < 0
        ? t('meeting.passed')
        : left === 0
          ? t('meeting.today')
          : left === 1
            ? t('meeting.left.one')
            : t('meeting.left', { n: left });
  const urgency = left === null ? '' : left < 0 ? 'passed' : left <= 3 ? 'soon' : 'later';
  const Tag = variant === 'banner' ? 'div' : 'span';
  const Item = variant === 'banner' ? 'p' : 'span';
  return (
    <Tag className={`meeting meeting--${variant}`} data-testid="meeting-facts">
      {meeting.date && (
        <Item className="meeting__item">
          {t('meeting.date')}{' '}
          <time className="meeting__value" dateTime={meeting.date}>
            {formatDate(meeting.date, locale)}
          </time>
        </Item>
      )}
      {meeting.amendmentDeadline && (
        <Item className={`meeting__item meeting__deadline meeting__deadline--${urgency}`}>
          {t('meeting.deadline')}{' '}
          <time className="meeting__value" dateTime={meeting.amendmentDeadline}>
            {formatDate(meeting.amendmentDeadline, locale)}
          </time>{' '}
          — <span className="meeting__left">{status}</span>
        </Item>
      )}
    </Tag>
  );
}

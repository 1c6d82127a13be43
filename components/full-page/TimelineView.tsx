import { useId, useMemo, useState } from 'react';
import type { Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import type { Timeline } from '@/utils/shared/timeline';
import { displayTitle } from '@/utils/shared/doc-order';
import { formatDate, formatMonthDay } from '@/utils/shared/format-date';
import { openUrl } from '@/utils/shared/open-url';
import { relativeDeadline, urgencyOf } from '@/utils/shared/urgency';
import { URGENCY_LOOK } from '@/utils/shared/states';
import { CalendarLink } from '@/components/common/CalendarLink';
import { Swatch } from '@/components/common/Swatch';
import { useLatest } from '@/hooks/useLatest';
import { formatNumber, t, tn } from '@/utils/shared/i18n';

/** A bar's height for `count` when the tallest is `max` (a count of one is always visible). */
function barPercent(count: number, max: number): number {
  return count && max ? Math.max(12, Math.round((count / max) * 100)) : 0;
}

/**
 * The deadline timeline: for each workstream, what is overdue, due in each of the next eight weeks
 * and later, drawn as bars (a table, so that every count is also read out), then the first
 * documents due in each workstream, overdue first.
 */
export function TimelineView({ revision, today, onError }: { revision: number; today: string; onError: (e: unknown) => void }) {
  const id = useId();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  useLatest(() => send('docs/timeline', { today }), setTimeline, onError, [revision, today, onError]);
  const wsById = useMemo(
    () => new Map<string, Workstream>((timeline?.workstreams ?? []).map((w) => [w.id, w] as const)),
    [timeline],
  );
  if (!timeline) return <p className="muted">{t('common_loading')}</p>;
  if (!timeline.rows.length) return <p className="muted">{t('tl_empty')}</p>;
  const max = Math.max(1, ...timeline.rows.flatMap((r) => [r.overdue, r.later, ...r.weeks]));
  return (
    <div className="timeline">
      <p className="muted">{tn('tl_intro', timeline.dated)}</p>
      {/* It scrolls sideways on a narrow window: a keyboard reaches it (WCAG 2.1.1, axe scrollable-region-focusable). */}
      <div className="tl-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="tl-chart">
          <caption id={`${id}-caption`} className="sr-only">
            {t('tl_caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('field_workstream')}</th>
              <th scope="col" className="tl-overdue">
                <span aria-hidden="true">{URGENCY_LOOK.overdue.icon} </span>
                {t('urgency_overdue')}
              </th>
              {timeline.weeks.map((w, i) => (
                <th scope="col" key={w}>
                  {i === 0 ? t('tl_this_week') : i === 1 ? t('tl_next_week') : t('tl_week_of', { date: formatMonthDay(w) })}
                </th>
              ))}
              <th scope="col">{t('tl_later')}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.rows.map((r) => {
              const ws = r.workstreamId ? wsById.get(r.workstreamId) : undefined;
              const name = ws?.name ?? t('group_no_workstream');
              return (
                <tr key={r.workstreamId ?? ''} data-workstream={r.workstreamId ?? ''}>
                  <th scope="row" className="tl-name" title={name}>
                    <Swatch color={ws?.color} /> {name}
                  </th>
                  <Cell count={r.overdue} max={max} kind="overdue" label={t('tl_cell_overdue')} />
                  {r.weeks.map((n, i) => (
                    <Cell
                      key={timeline.weeks[i]}
                      count={n}
                      max={max}
                      kind="week"
                      label={t('tl_cell_week', { date: formatDate(timeline.weeks[i]!) })}
                    />
                  ))}
                  <Cell count={r.later} max={max} kind="later" label={t('tl_cell_later')} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="tl-next">
        {timeline.rows.map((r) => {
          const ws = r.workstreamId ? wsById.get(r.workstreamId) : undefined;
          const name = ws?.name ?? t('group_no_workstream');
          return (
            <section key={r.workstreamId ?? ''} className="tl-ws" aria-label={name}>
              <h3>
                <Swatch color={ws?.color} /> {name}
              </h3>
              <ol className="tl-list">
                {r.next.map((d) => {
                  const urgency = urgencyOf(d, today);
                  return (
                    <li key={d.id} className={`urgency-${urgency}`} data-doc-id={d.id}>
                      <time dateTime={d.deadline}>{formatDate(d.deadline!)}</time>{' '}
                      <span className="doc-relative">
                        {URGENCY_LOOK[urgency].icon && <span aria-hidden="true">{URGENCY_LOOK[urgency].icon} </span>}
                        {relativeDeadline(d, today)}
                      </span>{' '}
                      <a href={openUrl(ws ? { doc: d, workstream: ws } : { doc: d })} target="_blank" rel="noopener noreferrer">
                        {displayTitle(d)}
                      </a>{' '}
                      <CalendarLink doc={d} workstream={ws} compact />
                    </li>
                  );
                })}
              </ol>
              {(() => {
                const all = r.overdue + r.later + r.weeks.reduce((a, b) => a + b, 0);
                return all > r.next.length ? <p className="muted small">{tn('tl_and_more', all - r.next.length)}</p> : null;
              })()}
            </section>
          );
        })}
      </div>
    </div>
  );
}

function Cell({ count, max, kind, label }: { count: number; max: number; kind: string; label: string }) {
  return (
    <td className={`tl-cell tl-${kind}`} data-count={count}>
      <span className="tl-bar" style={{ height: `${barPercent(count, max)}%` }} aria-hidden="true" />
      <span className="tl-count">{count ? formatNumber(count) : <span className="sr-only">{t('tl_none')}</span>}</span>
      <span className="sr-only"> {label}</span>
    </td>
  );
}

import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { STATUS_LABELS, URGENCY_LOOK } from '@/utils/shared/states';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { openUrl } from '@/utils/shared/open-url';
import { relativeDeadline, urgencyOf } from '@/utils/shared/urgency';
import { dayText } from '@/utils/shared/format-date';
import { displayTitle, upcomingSections } from '@/utils/shared/doc-order';
import type { UpcomingKey } from '@/utils/shared/doc-order';
import { IcsExportButton } from '@/components/common/IcsExportButton';
import { Swatch } from '@/components/common/Swatch';
import { useDocsQuery } from '@/hooks/useDocsQuery';
import type { QueryKey, QueryRunner } from '@/hooks/useDocsQuery';
import { t, tn, type MessageKey } from '@/utils/shared/i18n';

/** Rows asked for at once; "Show more" asks for as many again. */
const UPCOMING_PAGE = 200;

/** Each section's heading. */
const SECTION_LABELS: Record<UpcomingKey, MessageKey> = {
  overdue: 'urgency_overdue',
  'this-week': 'upcoming_this_week',
  'next-week': 'upcoming_next_week',
  later: 'upcoming_later',
  none: 'group_no_deadline',
};

/** The Upcoming view over the background's `docs/query` (one page at a time). */
export function UpcomingPanel({
  revision,
  today,
  onError,
  run,
}: {
  revision: number;
  today: string;
  onError: (e: unknown) => void;
  run?: QueryRunner;
}) {
  const key = useMemo<QueryKey>(() => ({ view: 'upcoming', status: 'active', today }), [today]);
  const { result, more, loadingMore } = useDocsQuery(key, revision, UPCOMING_PAGE, onError, run);
  const page = result?.page;
  const documents = useMemo(() => page?.rows.map((r) => r.doc) ?? [], [page]);
  const counts = useMemo(() => Object.fromEntries((page?.sections ?? []).map((s) => [s.key, s.count])), [page]);
  const notShown = page ? page.total - page.rows.length : 0;
  const [exported, setExported] = useState('');
  return (
    <>
      {!!page?.total && (
        <div className="upcoming-tools">
          <IcsExportButton label={t('common_ics_export')} onError={onError} onDone={setExported} />
          <span className="muted small" role="status">
            {exported}
          </span>
        </div>
      )}
      <UpcomingView
        documents={documents}
        workstreams={page?.workstreams ?? []}
        loaded={!!page}
        today={today}
        counts={counts}
        indexSize={page?.indexSize}
        footer={
          notShown > 0 ? (
            <button type="button" className="show-more" disabled={loadingMore} onClick={more}>
              {tn('common_show_more_rows', notShown, { n: Math.min(UPCOMING_PAGE, notShown) })}
            </button>
          ) : null
        }
      />
    </>
  );
}

/**
 * The Upcoming view: documents not done, by when they are due — Overdue, This week (due soon: today to
 * DUE_SOON_DAYS), Next week (the same span after it), Later, No deadline. Each row is a link that opens the document
 * (with its workstream's account); ↑/↓, Home and End move between them.
 */
export function UpcomingView({
  documents,
  workstreams,
  loaded,
  today,
  counts,
  indexSize,
  footer,
}: {
  /** The documents to show (all of them, or the pages loaded so far). */
  documents: DocRecord[];
  workstreams: Workstream[];
  loaded: boolean;
  today: string;
  /** Each section's full count, when `documents` is only part of it. */
  counts?: Partial<Record<UpcomingKey, number>>;
  /** How many documents the index holds, when `documents` is only part of it. */
  indexSize?: number;
  footer?: ReactNode;
}) {
  const id = useId();
  const sections = useMemo(() => upcomingSections(documents, today).filter((s) => s.docs.length > 0), [documents, today]);
  const wsById = useMemo(() => new Map(workstreams.map((w) => [w.id, w] as const)), [workstreams]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a.upcoming-link')];
    if (!links.length) return;
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    let next: number;
    if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = links.length - 1;
    else if (i < 0) next = 0;
    else next = e.key === 'ArrowDown' ? Math.min(i + 1, links.length - 1) : Math.max(i - 1, 0);
    e.preventDefault();
    links[next]!.focus();
  }

  if (!loaded) return <p className="muted">{t('common_loading')}</p>;
  if (sections.length === 0) {
    return <p className="muted">{(indexSize ?? documents.length) ? t('upcoming_nothing') : t('upcoming_no_docs')}</p>;
  }

  return (
    <div className="upcoming" onKeyDown={onKeyDown}>
      {sections.map((s) => {
        const headingId = `${id}-${s.key}`;
        const count = counts?.[s.key] ?? s.docs.length;
        return (
          <section key={s.key} className={`doc-group upcoming-${s.key}`} aria-labelledby={headingId} data-upcoming={s.key}>
            <h2 id={headingId} className="group-heading">
              <span className="group-name">{t(SECTION_LABELS[s.key])}</span>
              <span className="group-count">
                <span className="sr-only">, </span>
                {tn('count_documents', count)}
              </span>
            </h2>
            <ul className="doc-list">
              {s.docs.map((d) => {
                const ws = d.workstreamId ? wsById.get(d.workstreamId) : undefined;
                const urgency = urgencyOf(d, today);
                const relative = relativeDeadline(d, today);
                return (
                  <li key={d.id} className={`upcoming-row urgency-${urgency}`} data-doc-id={d.id} data-urgency={urgency}>
                    <a
                      className="upcoming-link"
                      href={openUrl(ws ? { doc: d, workstream: ws } : { doc: d })}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      <span className="doc-title">{displayTitle(d)}</span>
                      <span className="doc-meta">
                        {d.deadline ? (
                          <span className="doc-deadline">
                            {URGENCY_LOOK[urgency].icon && (
                              <span className="urgency-icon" aria-hidden="true">
                                {URGENCY_LOOK[urgency].icon}{' '}
                              </span>
                            )}
                            <span className="doc-relative">{relative}</span>
                            <span className="sr-only">,</span> · <time dateTime={d.deadline}>{dayText(d.deadline)}</time>
                          </span>
                        ) : (
                          <span>{t('upcoming_no_deadline')}</span>
                        )}
                        <span className="sr-only">,</span>
                        <span className="doc-ws">
                          <Swatch color={ws?.color} /> {ws?.name ?? t('group_no_workstream')}
                        </span>
                        {d.status && (
                          <>
                            <span className="sr-only">,</span>
                            <span className={`status-pill status-${d.status}`}>{STATUS_LABELS[d.status]}</span>
                          </>
                        )}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {footer}
    </div>
  );
}

import { useId, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { STATUS_LABELS } from '../utils/model';
import type { DocRecord, Workstream } from '../utils/model';
import { openUrl } from '../utils/omnibox';
import { formatDate, relativeDeadline, urgencyOf } from '../utils/urgency';
import { displayTitle, upcomingSections } from '../utils/doclist';
import { Swatch } from './Swatch';

/**
 * The Upcoming view: documents not done, by when they are due — Overdue, This week (today to
 * 7 days), Next week (8–14 days), Later, No deadline. Each row is a link that opens the document
 * (with its workstream's account); ↑/↓, Home and End move between them.
 */
export function UpcomingView({
  documents,
  workstreams,
  loaded,
  today,
}: {
  documents: DocRecord[];
  workstreams: Workstream[];
  loaded: boolean;
  today: string;
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

  if (!loaded) return <p className="muted">Loading…</p>;
  if (sections.length === 0) {
    return (
      <p className="muted">
        {documents.length ? 'Nothing waiting: every document is delivered or archived.' : 'No documents yet.'}
      </p>
    );
  }

  return (
    <div className="upcoming" onKeyDown={onKeyDown}>
      {sections.map((s) => {
        const headingId = `${id}-${s.key}`;
        return (
          <section key={s.key} className={`doc-group upcoming-${s.key}`} aria-labelledby={headingId} data-upcoming={s.key}>
            <h2 id={headingId} className="group-heading">
              <span className="group-name">{s.label}</span>
              <span className="group-count">
                <span className="sr-only">, </span>
                {s.docs.length} {s.docs.length === 1 ? 'document' : 'documents'}
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
                            {urgency === 'overdue' && (
                              <span className="urgency-icon" aria-hidden="true">
                                ⚠{' '}
                              </span>
                            )}
                            <span className="doc-relative">{relative}</span>
                            <span className="sr-only">,</span> · <time dateTime={d.deadline}>{formatDate(d.deadline)}</time>
                          </span>
                        ) : (
                          <span>no deadline</span>
                        )}
                        <span className="sr-only">,</span>
                        <span className="doc-ws">
                          <Swatch color={ws?.color} /> {ws?.name ?? 'No workstream'}
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
    </div>
  );
}

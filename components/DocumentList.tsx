import { useEffect, useId, useMemo, useRef } from 'react';
import type { DocRecord, Workstream } from '../utils/model';
import type { DocRef } from '../utils/links';
import {
  STATUS_FILTER_OPTIONS,
  groupDocuments,
  parseStatusFilter,
  summarize,
  summaryText,
} from '../utils/doclist';
import type { DocFilter } from '../utils/doclist';
import { AddByLink } from './AddByLink';
import { DocumentRow } from './DocumentRow';
import { Swatch } from './Swatch';

/** The Documents view: filter, add by link, the overdue summary and the list grouped by workstream. */
export function DocumentList({
  documents,
  workstreams,
  loaded,
  today,
  focusFilter,
  onFilterFocused,
  filter,
  onFilterChange,
  onEdit,
  onDelete,
  onLink,
}: {
  documents: DocRecord[];
  workstreams: Workstream[];
  loaded: boolean;
  today: string;
  /** Focus the filter box (on open, and when the editor closes); `onFilterFocused` clears the request. */
  focusFilter: boolean;
  onFilterFocused: () => void;
  /** Kept by the caller so it survives the editor replacing this view. */
  filter: DocFilter;
  onFilterChange: (filter: DocFilter) => void;
  onEdit: (doc: DocRecord) => void;
  onDelete: (doc: DocRecord) => void;
  onLink: (ref: DocRef, href: string) => void;
}) {
  const id = useId();
  const { text, status } = filter;
  const filterRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focusFilter) return;
    filterRef.current?.focus();
    onFilterFocused();
  }, [focusFilter, onFilterFocused]);

  const groups = useMemo(
    () => groupDocuments(documents, workstreams, { status, text }, today),
    [documents, workstreams, status, text, today],
  );
  const summary = useMemo(() => summarize(documents, today), [documents, today]);
  const shown = groups.reduce((n, g) => n + g.docs.length, 0);

  return (
    <div className="documents">
      <div className="filters">
        <div className="field grow">
          <label htmlFor={`${id}-filter`}>Filter documents</label>
          <input
            id={`${id}-filter`}
            ref={filterRef}
            type="search"
            value={text}
            placeholder="Title, notes, workstream, id…"
            onChange={(e) => onFilterChange({ status, text: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => onFilterChange({ text, status: parseStatusFilter(e.target.value) })}>
            {STATUS_FILTER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <AddByLink onLink={onLink} />

      {loaded && (
        <p className={`summary${summary.overdue ? ' has-overdue' : ''}`}>
          {summary.overdue > 0 && (
            <span className="urgency-icon" aria-hidden="true">
              ⚠{' '}
            </span>
          )}
          {summaryText(summary)}
        </p>
      )}

      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : documents.length === 0 ? (
        <p className="muted">No documents yet. Add one by its link, track one from a page’s badge, or import a file.</p>
      ) : shown === 0 ? (
        <p className="muted">No documents match this filter.</p>
      ) : (
        groups.map((g) => {
          const name = g.workstream?.name ?? 'No workstream';
          const headingId = `${id}-g-${g.workstream?.id ?? 'none'}`;
          return (
            <section key={g.workstream?.id ?? ''} className="doc-group" aria-labelledby={headingId}>
              <h2 id={headingId} className="group-heading">
                <Swatch color={g.workstream?.color} />
                <span className="group-name">{name}</span>
                <span className="group-count">
                  <span className="sr-only">, </span>
                  {g.docs.length} {g.docs.length === 1 ? 'document' : 'documents'}
                </span>
              </h2>
              <ul className="doc-list">
                {g.docs.map((d) => (
                  <DocumentRow key={d.id} doc={d} today={today} onEdit={onEdit} onDelete={onDelete} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}

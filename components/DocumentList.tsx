import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DocRecord, Workstream } from '../utils/model';
import type { DocRef } from '../utils/links';
import { DocSearch, parseQuery } from '../utils/search';
import type { SearchHit } from '../utils/search';
import {
  STATUS_FILTER_OPTIONS,
  groupDocuments,
  matchesStatus,
  parseStatusFilter,
  summarize,
  summaryText,
} from '../utils/doclist';
import type { DocFilter, SyncChoice } from '../utils/doclist';
import { AddByLink } from './AddByLink';
import { DocumentRow } from './DocumentRow';
import { Swatch } from './Swatch';

/** How many search results the flat list shows at most. */
export const SEARCH_LIMIT = 100;

/**
 * The Documents view: the search box, add by link, the overdue summary, and either the list
 * grouped by workstream (empty box) or a flat list of results ranked by match (text in the box).
 * In the box, ↑/↓ move the highlighted result and Enter opens it (or the first).
 */
/** Rows drawn at once in the grouped list; "Show more" adds as many again. */
const ROW_PAGE = 200;

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
  onOpen,
  onSyncChoice,
  subscriptionNames,
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
  /** Open a search result (Enter in the box). */
  onOpen?: (hit: SearchHit) => void;
  onSyncChoice?: (doc: DocRecord, field: string, choice: SyncChoice) => void;
  /** Subscription id → its name, for "From sheet “…”". */
  subscriptionNames?: ReadonlyMap<string, string>;
}) {
  const id = useId();
  const { text, status } = filter;
  const filterRef = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!focusFilter) return;
    filterRef.current?.focus();
    onFilterFocused();
  }, [focusFilter, onFilterFocused]);

  const wsById = useMemo(() => new Map(workstreams.map((w) => [w.id, w] as const)), [workstreams]);
  const query = text.trim();
  // One search index per load of the index, built at the first keystroke (not before the first
  // results are on screen); queried on every keystroke.
  const searching = query !== '';
  const search = useMemo(() => (searching ? new DocSearch(documents, workstreams) : null), [documents, workstreams, searching]);
  const hits = useMemo(() => {
    if (!query || !search) return [];
    const all = search.search(query, today, SEARCH_LIMIT);
    // A `status:` in the box decides the status; otherwise the Status list does.
    return parseQuery(query).statuses.length ? all : all.filter((h) => matchesStatus(h.doc, status));
  }, [search, query, today, status]);

  const groups = useMemo(
    () => (query ? [] : groupDocuments(documents, workstreams, { status, text: '' }, today)),
    [documents, workstreams, status, query, today],
  );
  const summary = useMemo(() => summarize(documents, today), [documents, today]);
  const shown = groups.reduce((n, g) => n + g.docs.length, 0);
  // Draw at most `limit` rows (a year of documents can be tens of thousands); more on request.
  const [limit, setLimit] = useState(ROW_PAGE);
  useEffect(() => setLimit(ROW_PAGE), [status, query, documents]);
  const visible = useMemo(() => {
    let left = limit;
    return groups.map((g) => {
      const docs = g.docs.slice(0, Math.max(0, left));
      left -= docs.length;
      return { ...g, docs, hidden: g.docs.length - docs.length };
    });
  }, [groups, limit]);

  // A new query highlights its best result.
  useEffect(() => setActive(0), [query, status]);
  const activeIndex = hits.length ? Math.min(active, hits.length - 1) : -1;
  const hitId = (i: number) => `${id}-hit-${i}`;

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(`${id}-hit-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, activeIndex]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!query || !hits.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(activeIndex + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const hit = hits[activeIndex] ?? hits[0];
      if (hit) onOpen?.(hit);
    }
  }

  const rowProps = (doc: DocRecord) => ({
    today,
    onEdit,
    onDelete,
    workstreams,
    onSyncChoice,
    subscriptionName: doc.subscriptionId ? subscriptionNames?.get(doc.subscriptionId) : undefined,
  });

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
            placeholder="Title, workstream, notes, id…"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            aria-controls={query ? `${id}-results` : undefined}
            aria-activedescendant={activeIndex >= 0 ? hitId(activeIndex) : undefined}
            onChange={(e) => onFilterChange({ status, text: e.target.value })}
            onKeyDown={onKeyDown}
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
      <p id={`${id}-hint`} className="search-hint muted small">
        Filters: <code>overdue</code> <code>due:week</code> <code>due:14</code> <code>ws:name</code> <code>status:draft</code>
        <span className="sr-only">. Up and down arrows choose a result; Enter opens it.</span>
      </p>

      <AddByLink onLink={onLink} />

      {loaded && !query && (
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
      ) : query ? (
        <>
          <p className="result-count muted small" aria-live="polite">
            {hits.length === 0
              ? 'No documents match.'
              : hits.length >= SEARCH_LIMIT
                ? `The best ${SEARCH_LIMIT} matches.`
                : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'}.`}
          </p>
          {hits.length > 0 && (
            <ul id={`${id}-results`} className="doc-list results" aria-label="Search results">
              {hits.map((h, i) => (
                <DocumentRow
                  key={h.doc.id}
                  id={hitId(i)}
                  active={i === activeIndex}
                  doc={h.doc}
                  workstream={h.workstream}
                  showWorkstream
                  {...rowProps(h.doc)}
                />
              ))}
            </ul>
          )}
        </>
      ) : shown === 0 ? (
        <p className="muted">No documents match this filter.</p>
      ) : (
        <>
          {visible.map((g) => {
            const name = g.workstream?.name ?? 'No workstream';
            const headingId = `${id}-g-${g.workstream?.id ?? 'none'}`;
            return (
              <section key={g.workstream?.id ?? ''} className="doc-group" aria-labelledby={headingId}>
                <h2 id={headingId} className="group-heading">
                  <Swatch color={g.workstream?.color} />
                  <span className="group-name">{name}</span>
                  <span className="group-count">
                    <span className="sr-only">, </span>
                    {g.docs.length + g.hidden} {g.docs.length + g.hidden === 1 ? 'document' : 'documents'}
                  </span>
                </h2>
                {g.docs.length > 0 && (
                  <ul className="doc-list">
                    {g.docs.map((d) => (
                      <DocumentRow
                        key={d.id}
                        doc={d}
                        workstream={(d.workstreamId && wsById.get(d.workstreamId)) || undefined}
                        {...rowProps(d)}
                      />
                    ))}
                  </ul>
                )}
                {g.hidden > 0 && <p className="muted small more-rows">{g.hidden} more in this workstream</p>}
              </section>
            );
          })}
          {shown > limit && (
            <button type="button" className="show-more" onClick={() => setLimit((n) => n + ROW_PAGE)}>
              Show {Math.min(ROW_PAGE, shown - limit)} more of {shown - limit} not shown
            </button>
          )}
        </>
      )}
    </div>
  );
}

import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { DocRef } from '@/utils/shared/links';
import type { SearchHit } from '@/utils/shared/search';
import { STATUS_FILTER_OPTIONS } from '@/utils/popup/params';
import { resultCount, summaryText } from '@/utils/popup/report-text';
import { URGENCY_LOOK } from '@/utils/shared/states';
import type { DocFilter } from '@/utils/shared/doc-order';
import type { SyncChoice } from '@/utils/popup/conflicts';
import { SEARCH_LIMIT } from '@/utils/shared/docs-query';
import type { DocsPage } from '@/utils/shared/docs-query';
import { localToday } from '@/utils/shared/calendar';
import { AddByLink } from './AddByLink';
import { DocumentRow } from './DocumentRow';
import { StatusFilterSelect } from '@/components/common/StatusFilterSelect';
import { Swatch } from '@/components/common/Swatch';
import { FIRST_ROWS, ROW_PAGE } from '@/utils/popup/first-query';
import { useDocsQuery } from '@/hooks/useDocsQuery';
import { useFirstPaintDone } from '@/hooks/useFirstPaintDone';
import type { QueryKey, QueryRunner } from '@/hooks/useDocsQuery';
import { t, tn } from '@/utils/shared/i18n';

/**
 * The Documents view: the search box, add by link, the overdue summary, and either the list
 * grouped by workstream (empty box) or a flat list of results ranked by match (text in the box).
 * In the box, ↑/↓ move the highlighted result and Enter opens it (or the first).
 * The rows come from the background one page at a time (`docs/query`), never the whole index.
 */
export function DocumentList({
  revision = 0,
  run,
  today = localToday(),
  focusFilter,
  onFilterFocused,
  filter,
  onFilterChange,
  onEdit,
  onDelete,
  onLink,
  onOpen,
  onSyncChoice,
  onError = () => undefined,
  subscriptionNames,
  empty,
}: {
  /** Changes whenever the index does: the current query runs again. */
  revision?: number;
  /** Asks the background (tests give their own). */
  run?: QueryRunner;
  today?: string;
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
  onError?: (e: unknown) => void;
  /** Subscription id → its name, for "From sheet “…”". */
  subscriptionNames?: ReadonlyMap<string, string>;
  /** What an empty index shows (the ways to start); a short line by default. */
  empty?: ReactNode;
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

  const query = text.trim();
  const key = useMemo<QueryKey>(
    () => (query ? { view: 'search', text: query, status, today } : { view: 'grouped', status, today }),
    [query, status, today],
  );
  const { result, more, loadingMore } = useDocsQuery(key, revision, query ? SEARCH_LIMIT : ROW_PAGE, onError, run);
  const page = result?.page ?? null;
  const searchShown = result?.key.view === 'search';
  /** The answer on screen is the one for what the box says now. */
  const current = !!result && (result.key.text ?? '') === query && result.key.status === status;

  const wsById = useMemo(() => new Map((page?.workstreams ?? []).map((w) => [w.id, w] as const)), [page?.workstreams]);
  const hits = useMemo<SearchHit[]>(() => {
    if (!page || !searchShown) return [];
    return page.rows.map((r) => {
      const workstream = r.workstreamId ? wsById.get(r.workstreamId) : undefined;
      return workstream ? { doc: r.doc, workstream } : { doc: r.doc };
    });
  }, [page, searchShown, wsById]);

  // A new query highlights its best result.
  useEffect(() => setActive(0), [query, status]);
  const activeIndex = hits.length ? Math.min(active, hits.length - 1) : -1;
  const hitId = (i: number) => `${id}-hit-${i}`;

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(`${id}-hit-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, activeIndex]);

  // Enter before the answer to the last keystroke arrived: open its best result when it does.
  const openWhenCurrent = useRef(false);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  useEffect(() => {
    if (!openWhenCurrent.current || !current) return;
    openWhenCurrent.current = false;
    if (searchShown && hits[0]) onOpenRef.current?.(hits[0]);
  }, [current, searchShown, hits]);

  /** Matches the Status list hides: one key (Alt+A) or the button shows them, with the list set to "All". */
  const otherStatuses = searchShown && current ? (page?.otherStatuses ?? 0) : 0;
  const filterRefState = useRef(filter);
  filterRefState.current = filter;
  const showAllStatuses = useCallback(() => {
    onFilterChange({ ...filterRefState.current, status: 'all' });
    filterRef.current?.focus();
  }, [onFilterChange]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!query) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyA' || e.key.toLowerCase() === 'a') && otherStatuses > 0) {
      e.preventDefault();
      showAllStatuses();
      return;
    }
    if (e.key === 'Enter' && !e.nativeEvent.isComposing && !current) {
      e.preventDefault();
      openWhenCurrent.current = true;
      return;
    }
    if (!hits.length) return;
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

  // Stable callbacks, so that typing in the box does not draw the rows again.
  const handlers = useRef({ onEdit, onDelete, onSyncChoice });
  handlers.current = { onEdit, onDelete, onSyncChoice };
  const edit = useCallback((doc: DocRecord) => handlers.current.onEdit(doc), []);
  const del = useCallback((doc: DocRecord) => handlers.current.onDelete(doc), []);
  const sync = useCallback(
    (doc: DocRecord, field: string, choice: SyncChoice) => handlers.current.onSyncChoice?.(doc, field, choice),
    [],
  );

  return (
    <div className="documents">
      <div className="filters">
        <div className="field grow">
          <label htmlFor={`${id}-filter`}>{t('filter_label')}</label>
          <input
            id={`${id}-filter`}
            ref={filterRef}
            type="search"
            value={text}
            placeholder={t('filter_placeholder')}
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            aria-controls={query ? `${id}-results` : undefined}
            aria-activedescendant={query && activeIndex >= 0 ? hitId(activeIndex) : undefined}
            onChange={(e) => onFilterChange({ status, text: e.target.value })}
            onKeyDown={onKeyDown}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('field_status')}</label>
          <StatusFilterSelect id={`${id}-status`} value={status} onChange={(next) => onFilterChange({ text, status: next })} />
        </div>
      </div>
      <p id={`${id}-hint`} className="search-hint muted small">
        {t('filter_hint_intro')}
        <code>overdue</code> <code>due:week</code> <code>due:14</code> <code>ws:name</code> <code>status:draft</code>
        <span className="sr-only">{t('filter_hint_keys')}</span>
      </p>

      <AddByLink onLink={onLink} />

      <Results
        id={id}
        page={page}
        search={searchShown}
        hits={hits}
        activeIndex={query ? activeIndex : -1}
        wsById={wsById}
        today={today}
        onEdit={edit}
        onDelete={del}
        onSyncChoice={onSyncChoice ? sync : undefined}
        subscriptionNames={subscriptionNames}
        empty={empty}
        onMore={more}
        loadingMore={loadingMore}
        statusLabel={STATUS_FILTER_OPTIONS.find((o) => o.value === status)?.label ?? status}
        onShowAllStatuses={showAllStatuses}
      />
    </div>
  );
}

/** The summary and the rows: drawn again only when an answer arrives (not on every keystroke). */
const Results = memo(function Results({
  id,
  page,
  search,
  hits,
  activeIndex,
  wsById,
  today,
  onEdit,
  onDelete,
  onSyncChoice,
  subscriptionNames,
  empty,
  onMore,
  loadingMore,
  statusLabel,
  onShowAllStatuses,
}: {
  id: string;
  page: DocsPage | null;
  search: boolean;
  hits: SearchHit[];
  activeIndex: number;
  wsById: ReadonlyMap<string, Workstream>;
  today: string;
  onEdit: (doc: DocRecord) => void;
  onDelete: (doc: DocRecord) => void;
  onSyncChoice?: (doc: DocRecord, field: string, choice: SyncChoice) => void;
  subscriptionNames?: ReadonlyMap<string, string>;
  empty?: ReactNode;
  onMore: () => void;
  loadingMore: boolean;
  /** The Status list's choice, in words ("Active"). */
  statusLabel: string;
  onShowAllStatuses: () => void;
}) {
  const workstreams = page?.workstreams ?? [];
  // The first screen: a screenful of rows first, the rest once it has been painted.
  let rowBudget = useFirstPaintDone(!!page) ? Infinity : FIRST_ROWS;
  const hitId = (i: number) => `${id}-hit-${i}`;
  const rowProps = (doc: DocRecord) => ({
    today,
    onEdit,
    onDelete,
    workstreams,
    onSyncChoice,
    subscriptionName: doc.subscriptionId ? subscriptionNames?.get(doc.subscriptionId) : undefined,
  });

  // The loaded rows under their groups (every group is listed, with its full count).
  const visible = useMemo(() => {
    if (!page || search) return [];
    const byGroup = new Map<string | null, DocRecord[]>();
    for (const r of page.rows) {
      const k = r.workstreamId ?? null;
      let list = byGroup.get(k);
      if (!list) byGroup.set(k, (list = []));
      list.push(r.doc);
    }
    return (page.groups ?? []).map((g) => {
      const docs = byGroup.get(g.workstreamId) ?? [];
      const workstream = g.workstreamId ? (wsById.get(g.workstreamId) ?? null) : null;
      return { workstream, docs, count: g.count, hidden: g.count === null ? null : g.count - docs.length };
    });
  }, [page, search, wsById]);

  if (!page) return <p className="muted">{t('common_loading')}</p>;
  const summary = page.summary;
  const shown = page.rows.length;
  const notShown = page.partial ? null : page.total - shown;

  return (
    <>
      {!search && summary && (
        <p className={`summary${summary.overdue ? ' has-overdue' : ''}`}>
          {summary.overdue > 0 && (
            <span className="urgency-icon" aria-hidden="true">
              {URGENCY_LOOK.overdue.icon}{' '}
            </span>
          )}
          {summaryText(summary)}
        </p>
      )}

      {page.indexSize === 0 ? (
        (empty ?? <p className="muted">{t('docs_empty')}</p>)
      ) : search ? (
        <>
          <p className="result-count muted small" aria-live="polite">
            {resultCount(hits.length, page.otherStatuses ?? 0, statusLabel)}
            {(page.otherStatuses ?? 0) > 0 && (
              <>
                {' '}
                <button type="button" className="link-button" aria-keyshortcuts="Alt+A" onClick={onShowAllStatuses}>
                  {t('docs_show_them')}
                </button>{' '}
                <kbd aria-hidden="true">Alt+A</kbd>
              </>
            )}
          </p>
          {hits.length > 0 && (
            <ul id={`${id}-results`} className="doc-list results" aria-label={t('docs_results_label')}>
              {hits.slice(0, rowBudget).map((h, i) => (
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
      ) : page.total === 0 && !page.partial ? (
        <p className="muted">{t('docs_no_match_filter')}</p>
      ) : (
        <>
          {visible.map((g) => {
            // The first screen stops with its last row: the groups below it follow once it is painted.
            if (rowBudget <= 0) return null;
            const docs = rowBudget >= g.docs.length ? g.docs : g.docs.slice(0, Math.max(0, rowBudget));
            rowBudget -= docs.length;
            const name = g.workstream?.name ?? t('group_no_workstream');
            const headingId = `${id}-g-${g.workstream?.id ?? 'none'}`;
            return (
              <section key={g.workstream?.id ?? ''} className="doc-group" aria-labelledby={headingId}>
                <h2 id={headingId} className="group-heading">
                  <Swatch color={g.workstream?.color} />
                  <span className="group-name" dir="auto">
                    {name}
                  </span>
                  {g.count !== null && (
                    <span className="group-count">
                      <span className="sr-only">, </span>
                      {tn('count_documents', g.count)}
                    </span>
                  )}
                </h2>
                {docs.length > 0 && (
                  <ul className="doc-list">
                    {docs.map((d) => (
                      <DocumentRow
                        key={d.id}
                        doc={d}
                        workstream={(d.workstreamId && wsById.get(d.workstreamId)) || undefined}
                        {...rowProps(d)}
                      />
                    ))}
                  </ul>
                )}
                {g.hidden !== null && g.hidden > 0 && (
                  <p className="muted small more-rows">{tn('more_in_workstream', g.hidden)}</p>
                )}
              </section>
            );
          })}
          {notShown !== null && notShown > 0 && rowBudget > 0 && (
            <button type="button" className="show-more" disabled={loadingMore} onClick={onMore}>
              {tn('common_show_more_rows', notShown, { n: Math.min(ROW_PAGE, notShown) })}
            </button>
          )}
        </>
      )}
    </>
  );
});

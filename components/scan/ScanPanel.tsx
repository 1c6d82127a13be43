import { NEW_WS } from '@/components/common/WorkstreamSelect';
import { ScanRow, rowFor, rowWorkstreamName } from './ScanRow';
import { ScanMemory } from './ScanMemory';
import { ScanGroup, groupRows } from './ScanGroup';
import type { ScanRowState } from './ScanRow';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import { originPattern } from '@/utils/shared/sites';
import { formatDate, mentionsDay } from '@/utils/shared/format-date';
import { recordsFor } from '@/utils/popup/scan/records';
import type { ScanProgress, ScanResult } from '@/utils/popup/scan/scan';
import { ScanFailure, lookupTracked, scanTab } from '@/utils/popup/scan/scan-tab';
import { correctionsFrom } from '@/utils/popup/scan/learn';
import { remember, siteOf, updateCorrections } from '@/utils/shared/scan-memory';
import { SourceError, cancelledText } from '@/utils/popup/scan/source';
import type { SourceKind, SourceProgress } from '@/utils/popup/scan/source';
import { progressText } from '@/utils/popup/scan/progress-text';
import type { CurrentPage } from '@/hooks/useCurrentPage';
import { usePermissionRequest } from '@/hooks/usePermissionRequest';
import { useLatest, useLatestRuns } from '@/hooks/useLatest';
import { errorMessage } from '@/utils/popup/errors';
import { formatNumber, t, tn } from '@/utils/shared/i18n';

/** A placeholder's mark, to put an element where a message says `{date}`. */
const SLOT = '\u0000';
/** The message's text around SLOT, with `node` in its place. */
function around(message: string, node: ReactNode): ReactNode {
  const [before, after = ''] = message.split(SLOT);
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}

/** Rows drawn at a time: a page of 3,000 links is listed in steps, all of them selected and tracked at once. */
const ROWS_SHOWN = 100;

type Row = ScanRowState;

type Phase =
  | { kind: 'idle' }
  | { kind: 'scanning'; progress?: string }
  | { kind: 'unreachable'; message: string; origin?: string; retry?: boolean }
  | { kind: 'done'; result: ScanResult; source: SourceKind; pages?: number };

/**
 * "Scan this page": reads the tab's page (through Docket's content script), finds the Google
 * documents it links to with their proposed workstream, deadline and status, and tracks the
 * chosen ones in one step.
 */
export function ScanPanel({
  page,
  workstreams,
  loaded,
  revision = 0,
  onTracked,
}: {
  page: CurrentPage;
  workstreams: Workstream[];
  loaded: boolean;
  /** Changes whenever the index does: "already tracked" is asked again. */
  revision?: number;
  onTracked: () => void;
}) {
  const id = useId();
  const askPermission = usePermissionRequest();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [rows, setRows] = useState<Row[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(ROWS_SHOWN);
  const started = useRef(false);
  const runs = useLatestRuns();
  /** Stops the scan under way (Cancel, another scan, the view closing). */
  const stopper = useRef<AbortController | null>(null);
  const workstreamsRef = useRef(workstreams);
  workstreamsRef.current = workstreams;
  /** Candidates already tracked (`lookup` with the candidates' ids). */
  const [tracked, setTracked] = useState<ReadonlyMap<string, DocRecord>>(new Map());
  const findTracked = (id: string) => tracked.get(id);

  const scan = useCallback(async () => {
    stopper.current?.abort();
    const controller = new AbortController();
    stopper.current = controller;
    setReport(null);
    setProblem(null);
    const tabId = page.tabId;
    if (tabId === undefined) {
      runs.begin();
      setPhase({ kind: 'unreachable', message: t('scan_no_tab') });
      return;
    }
    setPhase({ kind: 'scanning' });
    await runs.run(
      (current) =>
        scanTab(
          { tabId, url: page.url, title: page.title },
          {
            workstreams: workstreamsRef.current,
            signal: controller.signal,
            onProgress: (p: SourceProgress | ScanProgress) => {
              const text = progressText(p);
              if (text && current()) setPhase({ kind: 'scanning', progress: text });
            },
          },
        ),
      (done) => {
        const { result, tracked: known } = done;
        setTracked(known);
        setRows(result.candidates.map((c) => rowFor(c, known.has(c.id))));
        setShown(ROWS_SHOWN);
        setPhase({ kind: 'done', result, source: done.source, ...(done.pages ? { pages: done.pages } : {}) });
      },
      (failure) => {
        const e = failure instanceof ScanFailure ? failure.error : failure;
        if (failure instanceof ScanFailure && failure.stage === 'read') {
          setPhase({
            kind: 'unreachable',
            message: e instanceof SourceError ? e.message : t('scan_could_not_read', { error: errorMessage(e) }),
            ...(e instanceof SourceError && e.reason === 'no-access' && e.origin ? { origin: e.origin } : {}),
            ...(e instanceof SourceError && ['stalled', 'unreadable', 'cancelled'].includes(e.reason) ? { retry: true } : {}),
          });
        } else if (controller.signal.aborted) setPhase({ kind: 'unreachable', message: cancelledText(), retry: true });
        else setPhase({ kind: 'unreachable', message: t('scan_could_not_scan', { error: errorMessage(e) }) });
      },
    );
  }, [runs, page.tabId, page.url, page.title]);

  // Leaving the view (or closing the popup) stops a download or a PDF still being read.
  useEffect(() => () => stopper.current?.abort(), []);

  // Scan as soon as the tab and the index are known (opening this view is the request).
  useEffect(() => {
    if (started.current || !page.ready || !loaded) return;
    started.current = true;
    void scan();
  }, [page.ready, loaded, scan]);

  // The index changed (this view's tracking, or another page's): ask again what is tracked.
  const candidateIds = phase.kind === 'done' ? phase.result.candidates.map((c) => c.id).join(' ') : '';
  const firstRevision = useRef(revision);
  useLatest(
    () => (!candidateIds || revision === firstRevision.current ? null : lookupTracked(candidateIds.split(' '))),
    setTracked,
    () => undefined,
    [candidateIds, revision],
  );

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const updateMany = (indices: readonly number[], patch: (r: Row) => Partial<Row>) => {
    const set = new Set(indices);
    setRows((rs) => rs.map((r, j) => (set.has(j) ? { ...r, ...patch(r) } : r)));
  };
  const selectedCount = rows.filter((r) => r.selected).length;
  const trackedCount = rows.filter((r) => findTracked(r.c.id)).length;

  async function track() {
    if (phase.kind !== 'done' || busy) return;
    const result = phase.result;
    const chosen = rows.map((r, i) => [r, i] as const).filter(([r]) => r.selected);
    if (!chosen.length) return;
    const built = recordsFor(chosen, { workstreams, tracked: findTracked, result, now: new Date().toISOString() });
    if ('problem' in built) {
      setProblem(built.problem);
      setShown((n) => Math.max(n, built.index + 1));
      document.getElementById(`${id}-${built.field}-${built.index}`)?.focus();
      return;
    }
    const { docs, newWorkstreams } = built;
    setProblem(null);
    setBusy(true);
    try {
      const res = await send('docs/track', { documents: docs, workstreams: newWorkstreams });
      // An item given another workstream than the one proposed: remembered for this site's next scans.
      const learned = correctionsFrom(
        chosen.map(([r], k) => ({ c: r.c, workstreamId: docs[k]?.workstreamId })),
        [...workstreams, ...newWorkstreams],
        siteOf(result.pageUrl),
        new Date().toISOString(),
      );
      if (learned.length)
        await updateCorrections((list) => learned.reduce((l, e) => remember(l, e), list)).catch(() => undefined);
      setReport(
        res.workstreams
          ? t('scan_tracked_created', {
              documents: tn('count_documents', res.documents),
              workstreams: tn('count_workstreams', res.workstreams),
            })
          : tn('scan_tracked', res.documents),
      );
      setRows((rs) =>
        rs.map((r) => {
          if (!r.selected) return r;
          const ws = newWorkstreams.find((w) => r.ws === NEW_WS && w.name.toLowerCase() === r.newWs.trim().toLowerCase());
          return { ...r, selected: false, ...(ws ? { ws: ws.id, newWs: '' } : {}) };
        }),
      );
      onTracked();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const result = phase.kind === 'done' ? phase.result : null;

  /** "Enable Docket on <site>" from the Scan view: the site's permission, then the scan again. */
  async function allow(origin: string) {
    const pattern = originPattern(origin);
    if (!pattern) return;
    let granted = false;
    try {
      // First, before any other await: the browser only asks during the click's user gesture.
      granted = await askPermission({ origins: [pattern] });
    } catch (e) {
      setProblem(errorMessage(e));
      return;
    }
    if (!granted) {
      setPhase({
        kind: 'unreachable',
        message: t('scan_not_given', { host: new URL(origin).hostname }),
        origin,
      });
      return;
    }
    try {
      await send('sites/enable', page.tabId !== undefined ? { origin: pattern, tabId: page.tabId } : { origin: pattern });
    } catch {
      // Reading the file needs only the permission; running on the site can be enabled later.
    }
    void scan();
  }

  return (
    <section className="scan" aria-labelledby={`${id}-heading`} aria-busy={phase.kind === 'scanning'}>
      <div className="section-head">
        <h2 id={`${id}-heading`}>{t('scan_heading')}</h2>
        <button type="button" onClick={() => void scan()} disabled={phase.kind === 'scanning' || busy}>
          {phase.kind === 'idle' ? t('scan_button') : t('scan_again')}
        </button>
      </div>

      {phase.kind === 'idle' && (
        <p className="muted" role="status">
          {!page.ready || !loaded ? t('scan_looking') : t('scan_ready')}
        </p>
      )}
      {phase.kind === 'scanning' && (
        <div className="scan-progress-row">
          <p className="scan-progress" role="status">
            <span className="spinner" aria-hidden="true" /> {phase.progress ?? t('scan_scanning')}
          </p>
          <button type="button" className="link-button scan-cancel" onClick={() => stopper.current?.abort()}>
            {t('scan_cancel')}
          </button>
        </div>
      )}
      {phase.kind === 'unreachable' && (
        <div className="scan-message" role="alert">
          <p>{phase.message}</p>
          {phase.retry && (
            <button type="button" onClick={() => void scan()}>
              {t('scan_try_again')}
            </button>
          )}
          {phase.origin && (
            <button type="button" onClick={() => void allow(phase.origin!)}>
              {t('scan_enable_on', { host: new URL(phase.origin).hostname })}
            </button>
          )}
        </div>
      )}

      {result && phase.kind === 'done' && (
        <>
          <p className="scan-source small muted">
            {phase.source === 'pdf' && (
              <span className="scan-kind">{phase.pages ? tn('scan_kind_pdf_pages', phase.pages) : t('scan_kind_pdf')} · </span>
            )}
            {phase.source === 'google-doc' && <span className="scan-kind">{t('scan_kind_gdoc')} · </span>}
            <span className="scan-page-title">{result.pageTitle || result.pageUrl}</span>
            {result.meetingDate && !mentionsDay(result.pageTitle, result.meetingDate) && (
              <>
                {' · '}
                {around(
                  t('scan_meeting_of', { date: SLOT }),
                  <time dateTime={result.meetingDate}>{formatDate(result.meetingDate)}</time>,
                )}
              </>
            )}
          </p>
          {rows.length === 0 ? (
            <p className="scan-message" role="status">
              {t('scan_none_found')}
            </p>
          ) : (
            <form
              className="scan-form"
              aria-label={t('scan_found_label')}
              onSubmit={(e) => {
                e.preventDefault();
                void track();
              }}
              noValidate
            >
              <div className="scan-head">
                <p className="scan-count" role="status">
                  {trackedCount
                    ? tn('scan_found_tracked', rows.length, { tracked: formatNumber(trackedCount) })
                    : tn('scan_found', rows.length)}
                </p>
                <div className="scan-select">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setRows((rs) => rs.map((r) => ({ ...r, selected: true })))}
                  >
                    {t('scan_select_all')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setRows((rs) => rs.map((r) => ({ ...r, selected: false })))}
                  >
                    {t('scan_select_none')}
                  </button>
                </div>
              </div>
              <ul className="scan-list">
                {groupRows(rows.slice(0, shown)).map((g) => (
                  <ScanGroup
                    key={g.indices[0]}
                    item={g.item}
                    rows={g.indices.map((i) => rows[i]!)}
                    idBase={`${id}-g${g.indices[0]}`}
                    workstreams={workstreams}
                    onChange={(patch) => updateMany(g.indices, patch)}
                  >
                    {g.indices.map((i) => {
                      const r = rows[i]!;
                      return (
                        <ScanRow
                          key={r.c.id}
                          row={r}
                          index={i}
                          idBase={id}
                          tracked={!!findTracked(r.c.id)}
                          workstreams={workstreams}
                          workstreamName={rowWorkstreamName(r, workstreams)}
                          invalidName={!!problem && r.selected && r.ws === NEW_WS && !r.newWs.trim()}
                          onChange={(patch) => update(i, patch)}
                        />
                      );
                    })}
                  </ScanGroup>
                ))}
              </ul>
              {rows.length > shown && (
                <button type="button" className="link-button scan-more" onClick={() => setShown((n) => n + ROWS_SHOWN)}>
                  {t('scan_show_more', {
                    more: formatNumber(Math.min(ROWS_SHOWN, rows.length - shown)),
                    total: formatNumber(rows.length),
                  })}
                </button>
              )}
              <p className="field-error" role="alert">
                {problem}
              </p>
              <div className="actions scan-actions">
                <button type="submit" className="primary" disabled={busy || selectedCount === 0}>
                  {t('scan_track_selected', { count: formatNumber(selectedCount) })}
                </button>
                {/* Always there, so that "Tracked N documents" is announced when it appears. */}
                <p className="scan-report" role="status">
                  {report}
                </p>
              </div>
            </form>
          )}
        </>
      )}
      <ScanMemory site={result ? siteOf(result.pageUrl) : undefined} />
    </section>
  );
}

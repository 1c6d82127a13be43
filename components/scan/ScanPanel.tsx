import { NEW_WS } from '@/components/common/WorkstreamSelect';
import { ScanRow } from './ScanRow';
import type { ScanRowState } from './ScanRow';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import { originPattern } from '@/utils/shared/sites';
import { formatDate, mentionsDay } from '@/utils/shared/format-date';
import { recordsFor } from '@/utils/popup/scan/records';
import type { ScanCandidate, ScanProgress, ScanResult } from '@/utils/popup/scan/scan';
import { ScanFailure, lookupTracked, scanTab } from '@/utils/popup/scan/scan-tab';
import { CANCELLED, SourceError } from '@/utils/popup/scan/source';
import type { SourceKind, SourceProgress } from '@/utils/popup/scan/source';
import { megabytes } from '@/utils/popup/scan/download';
import type { CurrentPage } from '@/hooks/useCurrentPage';
import { errorMessage } from '@/utils/popup/errors';

/** Rows drawn at a time: a page of 3,000 links is listed in steps, all of them selected and tracked at once. */
const ROWS_SHOWN = 100;

type Row = ScanRowState;

type Phase =
  | { kind: 'idle' }
  | { kind: 'scanning'; progress?: string }
  | { kind: 'unreachable'; message: string; origin?: string; retry?: boolean }
  | { kind: 'done'; result: ScanResult; source: SourceKind; pages?: number };

/** What the member sees while a long page or PDF is read ("Reading the PDF: page 3 of 12…"). */
function progressText(p: SourceProgress | ScanProgress): string | undefined {
  if (p.phase === 'fetching') {
    if (!p.done) return 'Fetching the file…';
    return `Fetching the file: ${megabytes(p.done)}${p.total ? ` of ${megabytes(p.total)}` : ''}…`;
  }
  if (p.phase === 'pdf') return `Reading the PDF: page ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')}…`;
  if (p.phase === 'documents' && p.total > 50) return `Scanning: ${p.done} of ${p.total} documents…`;
  if (p.phase === 'outline' || p.phase === 'links') return 'Reading the page’s items…';
  return undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function rowFor(c: ScanCandidate, tracked: boolean): Row {
  return {
    c,
    selected: !tracked,
    title: c.title,
    ws: c.workstreamId ?? (c.workstreamName ? NEW_WS : ''),
    newWs: c.workstreamId ? '' : (c.workstreamName ?? ''),
    deadline: c.deadline ?? '',
    status: c.status ?? '',
  };
}

/** The workstream name a row stands for now (CONTRACT §4 `data-docket-workstream`). */
function rowWorkstreamName(row: Row, workstreams: readonly Workstream[]): string | undefined {
  if (row.ws === NEW_WS) return row.newWs.trim() || undefined;
  if (row.ws) return workstreams.find((w) => w.id === row.ws)?.name;
  return undefined;
}

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
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [rows, setRows] = useState<Row[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(ROWS_SHOWN);
  const started = useRef(false);
  const seq = useRef(0);
  /** Stops the scan under way (Cancel, another scan, the view closing). */
  const stopper = useRef<AbortController | null>(null);
  const workstreamsRef = useRef(workstreams);
  workstreamsRef.current = workstreams;
  /** Candidates already tracked (`lookup` with the candidates' ids). */
  const [tracked, setTracked] = useState<ReadonlyMap<string, DocRecord>>(new Map());
  const findTracked = (id: string) => tracked.get(id);

  const scan = useCallback(async () => {
    const n = ++seq.current;
    stopper.current?.abort();
    const controller = new AbortController();
    stopper.current = controller;
    setReport(null);
    setProblem(null);
    if (page.tabId === undefined) {
      setPhase({ kind: 'unreachable', message: 'Docket cannot tell which page to scan. Open the popup from the page’s tab.' });
      return;
    }
    setPhase({ kind: 'scanning' });
    const showProgress = (p: SourceProgress | ScanProgress) => {
      const text = progressText(p);
      if (text && n === seq.current) setPhase({ kind: 'scanning', progress: text });
    };
    try {
      const done = await scanTab(
        { tabId: page.tabId, url: page.url, title: page.title },
        { workstreams: workstreamsRef.current, signal: controller.signal, onProgress: showProgress },
      );
      if (n !== seq.current) return;
      const { result, tracked: known } = done;
      setTracked(known);
      setRows(result.candidates.map((c) => rowFor(c, known.has(c.id))));
      setShown(ROWS_SHOWN);
      setPhase({ kind: 'done', result, source: done.source, ...(done.pages ? { pages: done.pages } : {}) });
    } catch (failure) {
      if (n !== seq.current) return;
      const e = failure instanceof ScanFailure ? failure.error : failure;
      if (failure instanceof ScanFailure && failure.stage === 'read') {
        setPhase({
          kind: 'unreachable',
          message: e instanceof SourceError ? e.message : `Docket could not read this page: ${errorMessage(e)}`,
          ...(e instanceof SourceError && e.reason === 'no-access' && e.origin ? { origin: e.origin } : {}),
          ...(e instanceof SourceError && ['stalled', 'unreadable', 'cancelled'].includes(e.reason) ? { retry: true } : {}),
        });
      } else if (controller.signal.aborted) setPhase({ kind: 'unreachable', message: CANCELLED, retry: true });
      else setPhase({ kind: 'unreachable', message: `Docket could not scan this page: ${errorMessage(e)}` });
    }
  }, [page.tabId, page.url, page.title]);

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
  useEffect(() => {
    if (!candidateIds || revision === firstRevision.current) return;
    let cancelled = false;
    lookupTracked(candidateIds.split(' ')).then(
      (known) => !cancelled && setTracked(known),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [candidateIds, revision]);

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const selectedCount = rows.filter((r) => r.selected).length;

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
      const wsPart = res.workstreams ? ` and created ${plural(res.workstreams, 'workstream')}` : '';
      setReport(`Tracked ${plural(res.documents, 'document')}${wsPart}.`);
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
      granted = await browser.permissions.request({ origins: [pattern] });
    } catch (e) {
      setProblem(errorMessage(e));
      return;
    }
    if (!granted) {
      setPhase({
        kind: 'unreachable',
        message: `Docket was not given access to ${new URL(origin).hostname}; nothing was read.`,
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
        <h2 id={`${id}-heading`}>Scan this page</h2>
        <button type="button" onClick={() => void scan()} disabled={phase.kind === 'scanning' || busy}>
          {phase.kind === 'idle' ? 'Scan' : 'Scan again'}
        </button>
      </div>

      {phase.kind === 'idle' && (
        <p className="muted" role="status">
          {!page.ready || !loaded ? 'Looking at the current tab…' : 'Ready to scan.'}
        </p>
      )}
      {phase.kind === 'scanning' && (
        <div className="scan-progress-row">
          <p className="scan-progress" role="status">
            <span className="spinner" aria-hidden="true" /> {phase.progress ?? 'Scanning this page for Google documents…'}
          </p>
          <button type="button" className="link-button scan-cancel" onClick={() => stopper.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {phase.kind === 'unreachable' && (
        <div className="scan-message" role="alert">
          <p>{phase.message}</p>
          {phase.retry && (
            <button type="button" onClick={() => void scan()}>
              Try again
            </button>
          )}
          {phase.origin && (
            <button type="button" onClick={() => void allow(phase.origin!)}>
              Enable Docket on {new URL(phase.origin).hostname}
            </button>
          )}
        </div>
      )}

      {result && phase.kind === 'done' && (
        <>
          <p className="scan-source small muted">
            {phase.source === 'pdf' && (
              <span className="scan-kind">PDF{phase.pages ? `, ${plural(phase.pages, 'page')}` : ''} · </span>
            )}
            {phase.source === 'google-doc' && <span className="scan-kind">Google document, read through its export · </span>}
            <span className="scan-page-title">{result.pageTitle || result.pageUrl}</span>
            {result.meetingDate && !mentionsDay(result.pageTitle, result.meetingDate) && (
              <>
                {' · meeting of '}
                <time dateTime={result.meetingDate}>{formatDate(result.meetingDate)}</time>
              </>
            )}
          </p>
          {rows.length === 0 ? (
            <p className="scan-message" role="status">
              No Google documents found on this page.
            </p>
          ) : (
            <form
              className="scan-form"
              aria-label="Documents found"
              onSubmit={(e) => {
                e.preventDefault();
                void track();
              }}
              noValidate
            >
              <div className="scan-head">
                <p className="scan-count" role="status">
                  {plural(rows.length, 'document')} found
                  {rows.some((r) => findTracked(r.c.id))
                    ? `, ${rows.filter((r) => findTracked(r.c.id)).length} already tracked`
                    : ''}
                  .
                </p>
                <div className="scan-select">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setRows((rs) => rs.map((r) => ({ ...r, selected: true })))}
                  >
                    Select all
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setRows((rs) => rs.map((r) => ({ ...r, selected: false })))}
                  >
                    Select none
                  </button>
                </div>
              </div>
              <ul className="scan-list">
                {rows.slice(0, shown).map((r, i) => (
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
                ))}
              </ul>
              {rows.length > shown && (
                <button type="button" className="link-button scan-more" onClick={() => setShown((n) => n + ROWS_SHOWN)}>
                  Show {Math.min(ROWS_SHOWN, rows.length - shown)} more (of {rows.length})
                </button>
              )}
              <p className="field-error" role="alert">
                {problem}
              </p>
              <div className="actions scan-actions">
                <button type="submit" className="primary" disabled={busy || selectedCount === 0}>
                  Track {selectedCount} selected
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
    </section>
  );
}

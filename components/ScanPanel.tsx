import { StatusSelect } from './StatusSelect';
import { NEW_WS, WorkstreamSelect } from './WorkstreamSelect';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DocRecord, Status, Workstream } from '../utils/shared/model';
import { send, sendToTab } from '../utils/shared/protocol';
import { KIND_LABELS, titleFromTab } from '../utils/popup/doc-text';
import { commonGroup, newWorkstreamId, nextWorkstreamColor } from '../utils/shared/workstreams';
import { isGoogleDocsUrl } from '../utils/shared/links';
import { formatDate } from '../utils/shared/format-date';
import { localToday } from '../utils/shared/calendar';
import { scanDocument } from '../utils/popup/scan/scan';
import type { ScanCandidate, ScanResult } from '../utils/popup/scan/scan';
import type { CurrentPage } from './useCurrentPage';
import { errorMessage } from '../utils/popup/errors';

const NOTE_MAX = 160;
const FIELD_MAX = 2000;

type OptionalField =
  'title' | 'workstreamId' | 'deadline' | 'deadlineSource' | 'deadlineNote' | 'status' | 'source' | 'sourceTitle' | 'sourceDate';

/** One candidate as the member edits it. */
interface Row {
  c: ScanCandidate;
  selected: boolean;
  title: string;
  /** An existing workstream's id, NEW_WS, or '' (none). */
  ws: string;
  newWs: string;
  deadline: string;
  status: Status | '';
}

type Phase =
  { kind: 'idle' } | { kind: 'scanning' } | { kind: 'unreachable'; message: string } | { kind: 'done'; result: ScanResult };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
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
/** The tracked records among these ids (`lookup`: by id, then alias), keyed by the id asked for. */
async function lookupTracked(ids: readonly string[]): Promise<Map<string, DocRecord>> {
  if (!ids.length) return new Map();
  const { records } = await send('lookup', { ids: [...new Set(ids)] });
  return new Map(Object.entries(records).map(([id, r]) => [id, r.doc] as const));
}

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
  const started = useRef(false);
  const seq = useRef(0);
  const workstreamsRef = useRef(workstreams);
  workstreamsRef.current = workstreams;
  /** Candidates already tracked (`lookup` with the candidates' ids). */
  const [tracked, setTracked] = useState<ReadonlyMap<string, DocRecord>>(new Map());
  const findTracked = (id: string) => tracked.get(id);

  const scan = useCallback(async () => {
    const n = ++seq.current;
    setReport(null);
    setProblem(null);
    if (page.tabId === undefined) {
      setPhase({ kind: 'unreachable', message: 'Docket cannot tell which page to scan. Open the popup from the page’s tab.' });
      return;
    }
    setPhase({ kind: 'scanning' });
    let snapshot: { url: string; title: string; html: string };
    try {
      snapshot = await sendToTab(page.tabId, 'page/html', {});
    } catch {
      if (n !== seq.current) return;
      setPhase({
        kind: 'unreachable',
        message:
          'Docket cannot read this page: it does not run here. Enable Docket on this site (Sites view) or reload the page, then scan again.',
      });
      return;
    }
    // Let "Scanning…" show before the (synchronous) parse and scan.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (n !== seq.current) return;
    try {
      const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
      const result = scanDocument(doc, {
        url: snapshot.url || page.url || '',
        title: titleFromTab(snapshot.title || page.title),
        workstreams: workstreamsRef.current,
        today: localToday(),
      });
      const known = await lookupTracked(result.candidates.map((c) => c.id));
      if (n !== seq.current) return;
      setTracked(known);
      setRows(result.candidates.map((c) => rowFor(c, known.has(c.id))));
      setPhase({ kind: 'done', result });
    } catch (e) {
      setPhase({ kind: 'unreachable', message: `Docket could not scan this page: ${errorMessage(e)}` });
    }
  }, [page.tabId, page.url, page.title]);

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
    const newWorkstreams: Workstream[] = [];
    const docs: DocRecord[] = [];
    const now = new Date().toISOString();
    const group = commonGroup(workstreams);
    for (const [r, i] of chosen) {
      let workstreamId: string | undefined;
      if (r.ws === NEW_WS) {
        const name = r.newWs.trim();
        if (!name) {
          setProblem(`Give the new workstream of “${r.title || r.c.id}” a name, or choose another workstream.`);
          document.getElementById(`${id}-newws-${i}`)?.focus();
          return;
        }
        const same = (w: Workstream) => w.name.trim().toLowerCase() === name.toLowerCase();
        const existing = workstreams.find(same) ?? newWorkstreams.find(same);
        if (existing) workstreamId = existing.id;
        else {
          const ws: Workstream = {
            id: newWorkstreamId(
              name,
              [...workstreams, ...newWorkstreams].map((w) => w.id),
            ),
            name: clip(name, 500),
            color: nextWorkstreamColor([...workstreams, ...newWorkstreams]),
            ...(group ? { group } : {}),
          };
          newWorkstreams.push(ws);
          workstreamId = ws.id;
        }
      } else if (r.ws && workstreams.some((w) => w.id === r.ws)) {
        workstreamId = r.ws;
      }
      if (r.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(r.deadline)) {
        setProblem(`The deadline of “${r.title || r.c.id}” must be a date (YYYY-MM-DD).`);
        document.getElementById(`${id}-deadline-${i}`)?.focus();
        return;
      }
      const existing = findTracked(r.c.id);
      const sentence = r.deadline ? r.c.deadlineSentence : undefined;
      const doc: DocRecord = {
        ...(existing ?? {}),
        id: existing?.id ?? r.c.id,
        kind: existing?.kind ?? r.c.kind,
        url: existing?.url || r.c.url,
        aliases: existing?.aliases ?? [],
        updatedAt: now,
      };
      const set = <K extends OptionalField>(key: K, value: DocRecord[K] | undefined) => {
        if (value === undefined || value === '') delete doc[key];
        else doc[key] = value;
      };
      set('title', r.title.trim() ? clip(r.title, FIELD_MAX) : undefined);
      set('workstreamId', workstreamId);
      set('deadline', r.deadline || undefined);
      set('deadlineSource', sentence ? clip(sentence, FIELD_MAX) : undefined);
      set('deadlineNote', sentence ? clip(sentence, NOTE_MAX) : existing?.deadlineNote);
      set('status', r.status || undefined);
      set('source', result.pageUrl ? clip(result.pageUrl, FIELD_MAX) : undefined);
      set('sourceTitle', result.pageTitle ? clip(result.pageTitle, FIELD_MAX) : undefined);
      set('sourceDate', result.meetingDate);
      docs.push(doc);
    }
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
        <p className="scan-progress" role="status">
          <span className="spinner" aria-hidden="true" /> Scanning this page for Google documents…
        </p>
      )}
      {phase.kind === 'unreachable' && (
        <p className="scan-message" role="alert">
          {phase.message}
        </p>
      )}

      {result && (
        <>
          <p className="scan-source small muted">
            <span className="scan-page-title">{result.pageTitle || result.pageUrl}</span>
            {result.meetingDate && (
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
              <ul className="scan-list">
                {rows.map((r, i) => {
                  const tracked = findTracked(r.c.id);
                  const wsName = rowWorkstreamName(r, workstreams);
                  const f = (name: string) => `${id}-${name}-${i}`;
                  const url = isGoogleDocsUrl(r.c.url) ? r.c.url : null;
                  return (
                    <li
                      key={r.c.id}
                      className={`scan-row${r.selected ? ' selected' : ''}${tracked ? ' tracked' : ''}`}
                      data-docket-id={r.c.id}
                      {...(wsName ? { 'data-docket-workstream': wsName } : {})}
                      {...(r.deadline ? { 'data-docket-deadline': r.deadline } : {})}
                    >
                      <div className="scan-check">
                        <input
                          id={f('check')}
                          type="checkbox"
                          checked={r.selected}
                          onChange={(e) => update(i, { selected: e.target.checked })}
                          aria-describedby={f('meta')}
                        />
                        <label htmlFor={f('check')} className="sr-only">
                          {tracked ? 'Update' : 'Track'} {r.title || r.c.id}
                        </label>
                      </div>
                      <div className="scan-fields">
                        <div className="field">
                          <label htmlFor={f('title')} className="sr-only">
                            Title
                          </label>
                          <input
                            id={f('title')}
                            type="text"
                            className="scan-title"
                            value={r.title}
                            placeholder={r.c.id}
                            onChange={(e) => update(i, { title: e.target.value })}
                          />
                        </div>
                        <p id={f('meta')} className="doc-meta">
                          <span>{KIND_LABELS[r.c.kind]}</span>
                          {url ? (
                            <a href={url} target="_blank" rel="noopener noreferrer" className="scan-id">
                              {r.c.id}
                            </a>
                          ) : (
                            <code className="scan-id">{r.c.id}</code>
                          )}
                          {tracked && (
                            <span className="scan-tracked">Already tracked{r.selected ? ': will be updated' : ''}</span>
                          )}
                        </p>
                        <div className="field-row">
                          <div className="field">
                            <label htmlFor={f('ws')}>Workstream</label>
                            <WorkstreamSelect
                              id={f('ws')}
                              value={r.ws}
                              workstreams={workstreams}
                              onChange={(ws) => update(i, { ws })}
                            />
                          </div>
                          {r.ws === NEW_WS && (
                            <div className="field scan-newws">
                              <label htmlFor={f('newws')}>New workstream name</label>
                              <input
                                id={f('newws')}
                                type="text"
                                value={r.newWs}
                                aria-invalid={problem && r.selected && !r.newWs.trim() ? true : undefined}
                                onChange={(e) => update(i, { newWs: e.target.value })}
                              />
                            </div>
                          )}
                        </div>
                        <div className="field-row">
                          <div className="field">
                            <label htmlFor={f('deadline')}>Deadline</label>
                            <input
                              id={f('deadline')}
                              type="date"
                              value={r.deadline}
                              aria-describedby={r.c.deadlineSentence ? f('sentence') : undefined}
                              onChange={(e) => update(i, { deadline: e.target.value })}
                            />
                          </div>
                          <div className="field">
                            <label htmlFor={f('status')}>Status</label>
                            <StatusSelect
                              id={f('status')}
                              value={r.status}
                              allowUnset
                              onChange={(status) => update(i, { status })}
                            />
                          </div>
                        </div>
                        {r.c.deadlineSentence && (
                          <p id={f('sentence')} className="scan-sentence">
                            <span className="sr-only">Deadline from: </span>“{r.c.deadlineSentence}”
                          </p>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
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

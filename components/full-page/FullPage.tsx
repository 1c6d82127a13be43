import { useCallback, useEffect, useRef, useState } from 'react';
import { t, type MessageKey } from '@/utils/shared/i18n';
import { LanguageSettings } from '@/components/common/LanguageSettings';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { TablePage } from '@/utils/shared/doc-table';
import { send } from '@/utils/shared/protocol';
import { localToday } from '@/utils/shared/calendar';
import { errorMessage } from '@/utils/popup/errors';
import { type TableKey, type TablePrefs } from '@/utils/popup/table-view';
import { FULL_VIEWS, type FullPageParams, type FullView } from '@/utils/shared/page-urls';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { FullScan } from '@/components/scan/FullScan';
import { TableView, type Undoable } from './TableView';
import { TimelineView } from './TimelineView';
import { useRevision } from '@/hooks/useRevision';
import { RecentlyDeleted } from '@/components/common/RecentlyDeleted';
import type { OpResult } from '@/utils/shared/operations';
import { progressText, undoText } from '@/utils/popup/operation-text';
import { runOperation } from '@/utils/popup/run-operation';
import { useLatest } from '@/hooks/useLatest';
import type { Subscription } from '@/utils/shared/reports';
import type { Workstream } from '@/utils/shared/model';
import { arrivedText } from '@/utils/popup/join';
import { GettingStarted } from '@/components/popup/GettingStarted';
import { HowItWorks } from '@/components/popup/HowItWorks';
import { SampleBanner, useSample } from '@/components/popup/SampleData';
import { SharePanel } from '@/components/team/SharePanel';

const VIEW_LABELS: Record<FullView, MessageKey> = {
  table: 'view_documents',
  timeline: 'view_timeline',
  scan: 'view_scan_a_page',
  deleted: 'view_recently_deleted',
};

/**
 * Docket in a tab (docket.html): every document in a table to sort, filter, group and change
 * several at once; the deadline timeline; the Scan review at full width.
 */
export function FullPage({
  params,
  prefs,
  first,
}: {
  params: FullPageParams;
  prefs: TablePrefs;
  /** The table's first block, asked for by the entry script before React loaded. */
  first: { key: TableKey; page: TablePage; fresh: boolean } | null;
}) {
  const [view, setView] = useState<FullView>(params.view);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [progress, setProgress] = useState<OpResult | null>(null);
  const [today, setToday] = useState(() => localToday());
  const { revision, bump } = useRevision();
  const searchRef = useRef<HTMLInputElement>(null);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const onError = useCallback((e: unknown) => setError(errorMessage(e)), []);
  // Issue 25: the ways to start on an empty index, sharing with the group, the help panel.
  const [workstreams, setWorkstreams] = useState<Workstream[]>([]);
  useLatest(
    () => send('workstreams/list', {}),
    (r) => setWorkstreams(r.workstreams),
    onError,
    [revision, onError],
  );
  const [joined, setJoined] = useState<Subscription | null>(null);
  const [panel, setPanel] = useState<'share' | 'help' | null>(null);
  const sample = useSample({ workstreams, today, onError, onChanged: bump });
  const onUndoable = useCallback((u: Undoable) => {
    setNote(null);
    setUndoable(u);
  }, []);
  // A note (an export, a calendar file) never replaces the notice that holds Undo: both show.
  const onNote = useCallback((text: string) => setNote(text), []);

  useEffect(() => {
    const timer = setInterval(() => setToday(localToday()), 60_000);
    return () => clearInterval(timer);
  }, []);

  // "/" goes to the search box from anywhere but a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t?.closest('input, select, textarea, [contenteditable]')) return;
      e.preventDefault();
      setView('table');
      requestAnimationFrame(() => searchRef.current?.focus());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  async function undo() {
    const u = undoable;
    setUndoable(null);
    if (!u) return;
    try {
      const result = await runOperation(send, 'docs/undo', { of: u.opId }, setProgress);
      setNote(undoText(result));
      bump();
    } catch (e) {
      onError(e);
    } finally {
      setProgress(null);
    }
    document.querySelector<HTMLElement>('.table-scroll')?.focus();
  }

  function onTabKey(e: ReactKeyboardEvent<HTMLDivElement>) {
    const i = FULL_VIEWS.indexOf(view);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % FULL_VIEWS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + FULL_VIEWS.length) % FULL_VIEWS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = FULL_VIEWS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    setView(FULL_VIEWS[next]!);
    tabRefs.current[next]?.focus();
  }

  return (
    <div className="fullpage">
      <header className="fp-header">
        <h1>Docket</h1>
        <div className="tabs" role="tablist" aria-label={t('views_label')} onKeyDown={onTabKey}>
          {FULL_VIEWS.map((v, i) => (
            <button
              key={v}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`fp-tab-${v}`}
              aria-controls={`fp-panel-${v}`}
              aria-selected={view === v}
              tabIndex={view === v ? 0 : -1}
              onClick={() => setView(v)}
            >
              {t(VIEW_LABELS[v])}
            </button>
          ))}
        </div>
        <button type="button" aria-expanded={panel === 'share'} onClick={() => setPanel((p) => (p === 'share' ? null : 'share'))}>
          {t('share_open')}
        </button>
        <button
          type="button"
          className="link-button"
          aria-expanded={panel === 'help'}
          onClick={() => setPanel((p) => (p === 'help' ? null : 'help'))}
        >
          {t('welcome_help')}
        </button>
        <LanguageSettings />
      </header>
      {panel === 'help' && <HowItWorks onClose={() => setPanel(null)} />}
      {panel === 'share' && <SharePanel workstreams={workstreams} onError={onError} />}
      {joined && (
        <p className="notice joined" role="status">
          {arrivedText(joined, Date.now())}
        </p>
      )}
      <SampleBanner sample={sample} />
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <main id={`fp-panel-${view}`} role="tabpanel" aria-labelledby={`fp-tab-${view}`} className="fp-main">
        {/* Always mounted: the search, settings and selection survive a visit to the other views. */}
        <div hidden={view !== 'table'}>
          <TableView
            revision={revision}
            today={today}
            initialPrefs={prefs}
            initialText={params.q ?? ''}
            first={first}
            onError={onError}
            onUndoable={onUndoable}
            onNote={onNote}
            onProgress={setProgress}
            searchRef={searchRef}
            empty={
              <GettingStarted
                canScan={false}
                onJoined={(sub) => {
                  setJoined(sub.lastError ? null : sub);
                  bump();
                }}
                onSample={sample.add}
                onHelp={() => setPanel('help')}
              />
            }
          />
        </div>
        {view === 'timeline' && <TimelineView revision={revision} today={today} onError={onError} />}
        {view === 'deleted' && <RecentlyDeleted revision={revision} onRestored={bump} />}
        {view === 'scan' && <FullScan tabId={params.tabId} revision={revision} onTracked={bump} onError={onError} />}
      </main>
      {progress && (
        <div className="toast op-progress" role="status">
          <label>
            <span>{progressText(progress)}</span> <progress value={progress.done} max={Math.max(1, progress.total)} />
          </label>
        </div>
      )}
      {(undoable || note) && (
        <div className="toasts">
          {note && (
            <div className="toast" role="status">
              <span>{note}</span>
              <button type="button" className="link-button" onClick={() => setNote(null)}>
                <span aria-hidden="true">×</span>
                <span className="sr-only">{t('common_dismiss')}</span>
              </button>
            </div>
          )}
          {/* Undo stays until used or dismissed (never replaced by another notice); afterwards, Recently deleted. */}
          {undoable && (
            <div className="toast" role="status">
              <span>{undoable.text}</span>
              <button type="button" onClick={() => void undo()}>
                {t('common_undo')}
              </button>
              <button type="button" className="link-button" onClick={() => setUndoable(null)}>
                <span aria-hidden="true">×</span>
                <span className="sr-only">{t('common_dismiss')}</span>
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

import { Suspense, lazy, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import type { IndexStatus } from '@/utils/shared/protocol';
import type { Subscription } from '@/utils/shared/reports';
import { parseDocLink } from '@/utils/shared/links';
import type { DocRef } from '@/utils/shared/links';
import { openUrl } from '@/utils/shared/open-url';
import type { SearchHit } from '@/utils/shared/search';

import { applySyncChoice } from '@/utils/popup/conflicts';
import { parsePopupParams } from '@/utils/shared/page-urls';
import type { DocFilter } from '@/utils/shared/doc-order';
import type { SyncChoice } from '@/utils/popup/conflicts';
import { localToday } from '@/utils/shared/calendar';
import { forgetEarly, typedEarly } from '@/utils/popup/first-screen';
import { DocumentEditor } from '@/components/editor/DocumentEditor';
import { DocumentList } from '@/components/documents/DocumentList';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { displayTitle } from '@/utils/shared/doc-order';
import { ImportExport } from '@/components/team/ImportExport';
import { useLatest } from '@/hooks/useLatest';
import { ReminderSettings } from '@/components/upcoming/ReminderSettings';
import { CalendarSettings } from '@/components/upcoming/CalendarSettings';
import { SitesPanel } from '@/components/sites/SitesPanel';
import { LanguageSettings } from '@/components/common/LanguageSettings';
import { StatusBanners } from './StatusBanners';
import { ThisPage } from '@/components/documents/ThisPage';
import { UndoToast } from '@/components/common/UndoToast';
import { runOperation } from '@/utils/popup/run-operation';
import { restoredText } from '@/utils/popup/operation-text';
import { UpcomingPanel } from '@/components/upcoming/UpcomingView';
import { ViewTabs, panelId, tabId } from './ViewTabs';
import type { ViewId } from './ViewTabs';
import { WorkstreamManager } from '@/components/workstreams/WorkstreamManager';
import { errorMessage } from '@/utils/popup/errors';
import { useCurrentPage } from '@/hooks/useCurrentPage';
import { useRevision } from '@/hooks/useRevision';
import { useEditor } from '@/hooks/useEditor';
import { FullWidthScanButton, OpenFullPageButton } from './OpenFullPage';
import { PopupFooter, WhatsNewNotice } from './PopupFooter';
import { GettingStarted, JoinForm } from './GettingStarted';
import { HowItWorks } from './HowItWorks';
import { SampleBanner, useSample } from './SampleData';
import { SharePanel } from '@/components/team/SharePanel';
import { arrivedText, joinParam } from '@/utils/popup/join';
import { t } from '@/utils/shared/i18n';

/** The Scan view (and the scanner, with its date parser) loads when first opened. */
const ScanPanel = lazy(() => import('@/components/scan/ScanPanel').then((m) => ({ default: m.ScanPanel })));
/** Always mounted: not drawn again for every keystroke in the search box. */
const StableImportExport = memo(ImportExport);

/**
 * The popup (also opened as a tab or a small window: `popup.html?tab=…&edit=…&track=…&wsGuess=…&sourceTitle=…&close=1`,
 * `popup.html?q=…` from the address bar).
 */
export function App() {
  const params = useMemo(() => parsePopupParams(window.location.search), []);
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((e: unknown) => setError(errorMessage(e)), []);
  const { revision, bump: reload } = useRevision();
  const page = useCurrentPage(params.tabId);
  // `?scan=1` (the "Scan this page with Docket" menu): open on the Scan view.
  const scanParam = params.scan === true;
  const [view, setView] = useState<ViewId>(scanParam ? 'scan' : 'documents');
  const [focusFilter, setFocusFilter] = useState(!params.edit && !params.track && !scanParam);
  const [deleted, setDeleted] = useState<DocRecord | null>(null);
  /** What the live region last said (saved, restored): heard by screen readers, not seen. */
  const [announcement, setAnnouncement] = useState('');
  const [today, setToday] = useState(() => localToday());
  // Text typed in the early screen's search box (utils/popup/first-screen.ts) before React took over is not lost.
  const [filter, setFilter] = useState<DocFilter>(() => ({ status: 'active', text: params.q ?? typedEarly() ?? '' }));
  useLayoutEffect(() => {
    const typed = typedEarly();
    forgetEarly();
    if (typed !== null) setFilter((f) => (f.text === typed ? f : { ...f, text: typed }));
  }, []);
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [subscriptions, setSubscriptions] = useState<Subscription[] | null>(null);
  /** Opened from the toolbar button (not as a tab or window): Enter on a result closes it. */
  const [toolbarPopup, setToolbarPopup] = useState(false);

  const [workstreamList, setWorkstreamList] = useState<Workstream[] | null>(null);
  const workstreams = useMemo(() => workstreamList ?? [], [workstreamList]);
  const wsLoaded = workstreamList !== null;

  /** `?join=<address>`: the join view with the coordinator's link filled in (the member still presses Join). */
  const [joinUrl, setJoinUrl] = useState(() => joinParam(window.location.search));
  /** The subscription just joined: the popup says what arrived. */
  const [joined, setJoined] = useState<Subscription | null>(null);
  const [help, setHelp] = useState(false);
  const onJoined = useCallback(
    (sub: Subscription) => {
      setJoinUrl(null);
      setJoined(sub.lastError ? null : sub);
      setSubscriptions((list) => [...(list ?? []).filter((s) => s.id !== sub.id), sub]);
      reload();
    },
    [reload],
  );

  const subscriptionNames = useMemo(() => new Map((subscriptions ?? []).map((s) => [s.id, s.name] as const)), [subscriptions]);

  // What the background says about the index (read-only, an interrupted import).
  // (A background that does not answer is reported by the views' own queries; this notice is extra.)
  useLatest(
    () => send('status/get', {}),
    setStatus,
    () => undefined,
    [],
  );

  // The toolbar popup has no tab of its own.
  useLatest(
    () => (params.tabId !== undefined || params.close ? null : Promise.resolve().then(() => browser.tabs.getCurrent())),
    (tab) => setToolbarPopup(!tab),
    () => undefined,
    [params],
  );

  // Workstreams (small), for the editor, the scan and the import view; again after every change.
  useLatest(
    () => send('workstreams/list', {}),
    (r) => setWorkstreamList(r.workstreams),
    onError,
    [revision, onError],
  );

  // Subscription names for "From sheet “…”", again after every change to the index (syncs write to it).
  useLatest(
    () => send('subscriptions/list', {}),
    (r) => setSubscriptions(r.subscriptions),
    onError,
    [revision, onError],
  );

  // The current tab's document, as the index has it (for "This page").
  const pageRef = useMemo(() => (page.ready && page.url ? parseDocLink(page.url) : null), [page.ready, page.url]);
  const [pageDoc, setPageDoc] = useState<{ id: string; doc: DocRecord | null } | null>(null);
  useLatest(
    () => (pageRef ? send('docs/find', { ids: [pageRef.id] }) : null),
    (r) =>
      pageRef && setPageDoc({ id: pageRef.id, doc: Object.hasOwn(r.records, pageRef.id) ? r.records[pageRef.id]!.doc : null }),
    onError,
    [pageRef, revision, onError],
  );

  // Deadlines are days: keep "today" right when the popup stays open past midnight.
  useEffect(() => {
    const timer = setInterval(() => setToday(localToday()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const paramsProblem = useCallback((message: string) => {
    setError(message);
    setFocusFilter(true);
  }, []);
  const focusSearch = useCallback(() => setFocusFilter(true), []);
  const { editor, editDoc, trackRef, closeEditor, underneath, loadLatest } = useEditor({
    params,
    workstreamList,
    revision,
    onError,
    onParamsProblem: paramsProblem,
    onFocusLost: focusSearch,
  });

  async function save(doc: DocRecord, newWorkstream?: Workstream): Promise<boolean> {
    try {
      if (newWorkstream) await send('ws/put', { workstream: newWorkstream });
      // Only what this editor changed: another window's edit to other fields stays (issue 13).
      const base = editor?.doc.id === doc.id ? editor.doc : undefined;
      await send('doc/put', base ? { doc, base } : { doc });
      setError(null);
      closeEditor();
      reload();
      setAnnouncement(t('a11y_saved', { title: displayTitle(doc) }));
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  }

  async function remove(doc: DocRecord) {
    try {
      const result = await send('doc/delete', { id: doc.id });
      setDeleted(result.doc ?? doc);
      reload();
    } catch (e) {
      onError(e);
    }
  }

  async function undo() {
    const doc = deleted;
    setDeleted(null);
    if (!doc) return;
    try {
      // Out of the trash, as it was (updatedAt moves forward); never over a document tracked again since.
      const result = await runOperation(send, 'trash/restore', { ids: [doc.id] });
      if (!result.changed) onError(new Error(restoredText(result)));
      reload();
      setAnnouncement(t('a11y_restored', { title: displayTitle(doc) }));
    } catch (e) {
      onError(e);
    }
    // The toast and its Undo button are gone: focus goes to the search, never to the page's body.
    setFocusFilter(true);
  }

  /** The toast closes (Dismiss, or its time is up): focus in it goes to the search, not lost. */
  function closeToast() {
    const hadFocus = !!document.activeElement?.closest('.toast');
    setDeleted(null);
    if (hadFocus) setFocusFilter(true);
  }

  async function chooseSync(doc: DocRecord, field: string, choice: SyncChoice) {
    try {
      await send('doc/put', { doc: applySyncChoice(doc, field, choice, new Date().toISOString()) });
      setError(null);
      reload();
    } catch (e) {
      onError(e);
    }
  }

  /** Enter on a search result: open it in a new tab with its workstream's account. */
  const openHit = useCallback(
    async (hit: SearchHit) => {
      try {
        await browser.tabs.create({ url: openUrl(hit) });
        if (toolbarPopup) window.close();
      } catch (e) {
        onError(e);
      }
    },
    [toolbarPopup, onError],
  );

  async function dismissInterrupted() {
    try {
      setStatus(await send('status/dismiss', {}));
    } catch (e) {
      onError(e);
    }
  }

  const filterFocused = useCallback(() => setFocusFilter(false), []);
  const editorOpen = useRef(false);
  editorOpen.current = !!editor;
  const onFileChosen = useCallback(() => {
    if (!editorOpen.current) setView('import-export');
  }, []);

  const onLink = useCallback((ref: DocRef) => void trackRef(ref, {}, workstreams), [trackRef, workstreams]);
  const sample = useSample({ workstreams, today, onError, onChanged: reload });
  const canScan = page.ready && !!page.url && /^(https?|file):/.test(page.url);
  // The same element from one keystroke to the next: the list's rows (a memo) are then not drawn again while typing.
  const welcome = useMemo(
    () => (
      <GettingStarted
        canScan={canScan}
        hideJoin={!!joinUrl}
        onJoined={onJoined}
        onScan={() => setView('scan')}
        onImport={() => setView('import-export')}
        onAddLink={() => document.querySelector<HTMLInputElement>('.add-by-link input')?.focus()}
        onSample={sample.add}
        onHelp={() => setHelp(true)}
      />
    ),
    [canScan, joinUrl, onJoined, sample.add],
  );

  return (
    <div className="app">
      <header className="app-header">
        <h1>Docket</h1>
        <button type="button" className="link-button help-button" aria-expanded={help} onClick={() => setHelp((h) => !h)}>
          {t('welcome_help')}
        </button>
        <OpenFullPageButton closePopup={toolbarPopup} onError={onError} />
      </header>
      {help && <HowItWorks onClose={() => setHelp(false)} />}
      {joinUrl && <JoinForm initialUrl={joinUrl} onJoined={onJoined} />}
      {joined && (
        <p className="notice joined" role="status">
          {arrivedText(joined, Date.now())}{' '}
          <button type="button" className="link-button" onClick={() => setJoined(null)}>
            {t('joined_dismiss')}
          </button>
        </p>
      )}
      <SampleBanner sample={sample} />

      <StatusBanners status={status} onDismissInterrupted={dismissInterrupted} />
      <WhatsNewNotice />
      <ErrorAlert message={error} onDismiss={() => setError(null)} />

      {editor && wsLoaded ? (
        // The editor replaces the views (unmounted, so their labels never clash with the form's).
        <main className="editor-wrap">
          <DocumentEditor
            key={`${editor.mode}:${editor.doc.id}:${editor.doc.updatedAt}`}
            target={editor}
            workstreams={workstreams}
            onSave={save}
            onCancel={closeEditor}
            underneath={underneath}
            onLoadLatest={loadLatest}
          />
        </main>
      ) : (
        <div className="views">
          <ThisPage
            page={page}
            tracked={pageRef && pageDoc?.id === pageRef.id ? pageDoc.doc : null}
            loaded={!!pageRef && pageDoc?.id === pageRef.id}
            today={today}
            onTrack={(ref, title) => void trackRef(ref, { title }, workstreams)}
            onEdit={editDoc}
          />
          <ViewTabs active={view} onChange={setView} />
          {view !== 'import-export' && (
            <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} className="panel">
              {view === 'documents' && (
                <DocumentList
                  revision={revision}
                  today={today}
                  onError={onError}
                  focusFilter={focusFilter}
                  onFilterFocused={filterFocused}
                  filter={filter}
                  onFilterChange={setFilter}
                  onEdit={editDoc}
                  onDelete={remove}
                  onLink={onLink}
                  onOpen={openHit}
                  onSyncChoice={chooseSync}
                  subscriptionNames={subscriptionNames}
                  empty={welcome}
                />
              )}
              {view === 'upcoming' && (
                <>
                  <ReminderSettings />
                  <CalendarSettings />
                  <UpcomingPanel revision={revision} today={today} onError={onError} />
                </>
              )}
              {view === 'scan' && <FullWidthScanButton tabId={page.tabId} closePopup={toolbarPopup} onError={onError} />}
              {view === 'scan' && (
                <Suspense fallback={<p className="muted">{t('popup_loading')}</p>}>
                  <ScanPanel page={page} workstreams={workstreams} loaded={wsLoaded} revision={revision} onTracked={reload} />
                </Suspense>
              )}
              {view === 'workstreams' && <WorkstreamManager revision={revision} today={today} onError={onError} />}
              {view === 'sites' && (
                <>
                  <LanguageSettings />
                  <SitesPanel page={page} onError={onError} />
                </>
              )}
            </div>
          )}
        </div>
      )}

      {/* Always mounted (hidden unless chosen), so its file input is there from the start (CONTRACT §4):
          choosing a file brings the view forward. */}
      <div
        role="tabpanel"
        id={panelId('import-export')}
        aria-labelledby={tabId('import-export')}
        className="panel"
        hidden={!!editor || view !== 'import-export'}
      >
        {/* The coordinator's way to share, first: what a group's index starts from. */}
        {!editor && view === 'import-export' && <SharePanel workstreams={workstreams} onError={onError} />}
        <StableImportExport
          workstreams={workstreams}
          active={!editor && view === 'import-export'}
          revision={revision}
          subscriptions={subscriptions}
          onSubscriptionsChanged={setSubscriptions}
          onError={onError}
          onFileChosen={onFileChosen}
        />
      </div>

      {deleted && <UndoToast doc={deleted} onUndo={undo} onClose={closeToast} />}
      {/* Always mounted, so that a screen reader hears each change of its text. */}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <PopupFooter />
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocRef } from '@/utils/shared/links';
import { parseDocLink } from '@/utils/shared/links';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import { sameVersion } from '@/utils/popup/conflicts';
import type { PopupParams } from '@/utils/shared/page-urls';
import { trackDraft, type TrackExtras } from '@/utils/popup/track';
import type { EditorTarget, Underneath } from '@/components/editor/DocumentEditor';
import { t } from '@/utils/shared/i18n';
import { useLatest } from './useLatest';

/**
 * The editor's routing: which document it shows (from a row's Edit, "This page", a pasted link, or
 * `?edit=` / `?track=`), where focus goes back on close, and whether the index changed underneath it.
 */
export function useEditor(opts: {
  params: PopupParams;
  workstreamList: Workstream[] | null;
  revision: number;
  onError: (e: unknown) => void;
  /** A problem with `?edit=`/`?track=`, in words (the search box takes the focus instead). */
  onParamsProblem: (message: string) => void;
  /** Nothing to return focus to: the search box takes it. */
  onFocusLost: () => void;
}) {
  const { params, workstreamList, revision, onError, onParamsProblem, onFocusLost } = opts;
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const paramsHandled = useRef(false);
  /** The document whose Edit button opened the editor: focus goes back there. */
  const returnFocus = useRef<string | null>(null);

  // The record the editor shows, as the index has it now: another page may have saved it since.
  const editingId = editor?.doc.id;
  const [latestDoc, setLatestDoc] = useState<{ id: string; doc: DocRecord | null } | null>(null);
  useLatest(
    () => (editingId ? send('doc/get', { id: editingId }) : null),
    (r) => editingId && setLatestDoc({ id: editingId, doc: r.doc }),
    onError,
    [editingId, revision, onError],
  );

  const openEditor = useCallback((target: EditorTarget) => {
    const active = document.activeElement;
    returnFocus.current = active instanceof HTMLElement ? active.getAttribute('data-edit-for') : null;
    setEditor(target);
  }, []);

  const editDoc = useCallback((doc: DocRecord) => openEditor({ mode: 'edit', doc }), [openEditor]);

  const trackRef = useCallback(
    async (ref: DocRef, extras: TrackExtras, wss: Workstream[]) => {
      let existing: DocRecord | null;
      try {
        existing = (await send('doc/get', { id: ref.id })).doc;
      } catch (e) {
        onError(e);
        return;
      }
      if (existing) {
        openEditor({ mode: 'edit', doc: existing });
        return;
      }
      const { doc, newWorkstreamName } = trackDraft(ref, extras, wss, new Date().toISOString());
      openEditor(newWorkstreamName ? { mode: 'track', doc, newWorkstreamName } : { mode: 'track', doc });
    },
    [openEditor, onError],
  );

  // `?edit=` / `?track=`: once the workstreams are known.
  useEffect(() => {
    if (!workstreamList || paramsHandled.current) return;
    paramsHandled.current = true;
    if (params.edit) {
      const id = params.edit;
      send('doc/get', { id }).then(({ doc }) => {
        if (doc) openEditor({ mode: 'edit', doc });
        else onParamsProblem(t('editor_param_unknown', { id }));
      }, onError);
    } else if (params.track) {
      const ref = parseDocLink(params.track.url);
      if (ref) void trackRef(ref, params.track, workstreamList);
      else onParamsProblem(t('editor_param_bad_link'));
    }
  }, [workstreamList, params, openEditor, trackRef, onError, onParamsProblem]);

  const closeEditor = useCallback(() => {
    setEditor(null);
    if (params.close) {
      window.close();
      return;
    }
    const back = returnFocus.current;
    returnFocus.current = null;
    // The list comes back with the views (they are unmounted while the editor is open) and draws its rows once
    // they are read: focus goes to the Edit button when it is there, unless the member has moved it meanwhile.
    const button = () => (back ? document.querySelector<HTMLElement>(`[data-edit-for="${CSS.escape(back)}"]`) : null);
    const idle = () => !document.activeElement || document.activeElement === document.body;
    requestAnimationFrame(() => {
      const now = button();
      if (now || !back) {
        if (now) now.focus();
        else onFocusLost();
        return;
      }
      const done = () => {
        observer.disconnect();
        clearTimeout(timer);
      };
      const observer = new MutationObserver(() => {
        const found = button();
        if (!found) return;
        done();
        if (idle()) found.focus();
      });
      observer.observe(document.body, { childList: true, subtree: true });
      // Not back within a moment (filtered out, deleted meanwhile): the search box.
      const timer = setTimeout(() => {
        done();
        if (idle()) onFocusLost();
      }, 2000);
    });
  }, [params, onFocusLost]);

  const latestKnown = !!editor && latestDoc?.id === editor.doc.id;
  const latest = latestKnown ? (latestDoc?.doc ?? undefined) : undefined;
  let underneath: Underneath = null;
  if (editor && latestKnown) {
    if (editor.mode === 'edit') {
      if (!latest) underneath = { kind: 'deleted' };
      else if (!sameVersion(latest, editor.doc)) underneath = { kind: 'changed' };
    } else if (latest) underneath = { kind: 'tracked' };
  }
  const loadLatest = useCallback(() => latest && setEditor({ mode: 'edit', doc: latest }), [latest]);

  return { editor, editDoc, trackRef, closeEditor, underneath, loadLatest };
}

import { StatusSelect } from '@/components/common/StatusSelect';
import { NEW_WS, WorkstreamSelect } from '@/components/common/WorkstreamSelect';
import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { DocRecord, Status, Workstream } from '@/utils/shared/model';
import { KIND_LABELS } from '@/utils/shared/kind-labels';
import { commonGroup, newWorkstreamId, nextWorkstreamColor } from '@/utils/shared/workstreams';
import { displayTitle } from '@/utils/shared/doc-order';
import { openUrl } from '@/utils/shared/open-url';
import { SourceLine } from '@/components/common/SourceLine';
import { t } from '@/utils/shared/i18n';

export interface EditorTarget {
  /** `edit`: a tracked record; `track`: a new one, prefilled. */
  mode: 'edit' | 'track';
  doc: DocRecord;
  /** Prefill "New workstream…" with this name (a heading no workstream matched). */
  newWorkstreamName?: string;
}

/** What happened to the record while the editor was open: another page saved or deleted it. */
export type Underneath = { kind: 'changed' | 'deleted' | 'tracked' } | null;

/** Copies `doc` without the keys whose value is undefined or an empty string (optional fields stay absent). */
function compact(doc: DocRecord): DocRecord {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (v !== undefined && v !== '') out[k] = v;
  return out as unknown as DocRecord;
}

/** The document form. Save submits (Enter works), Esc or Cancel leaves without saving. */
export function DocumentEditor({
  target,
  workstreams,
  onSave,
  onCancel,
  underneath = null,
  onLoadLatest,
}: {
  target: EditorTarget;
  workstreams: Workstream[];
  onSave: (doc: DocRecord, newWorkstream?: Workstream) => Promise<boolean>;
  onCancel: () => void;
  /** Set when another page changed the record since the editor opened (Save still wins). */
  underneath?: Underneath;
  onLoadLatest?: () => void;
}) {
  const id = useId();
  const { doc, mode } = target;
  const knownWs = doc.workstreamId && workstreams.some((w) => w.id === doc.workstreamId) ? doc.workstreamId : '';
  const [title, setTitle] = useState(doc.title ?? '');
  const [wsChoice, setWsChoice] = useState<string>(knownWs || (target.newWorkstreamName ? NEW_WS : ''));
  const [newWsName, setNewWsName] = useState(knownWs ? '' : (target.newWorkstreamName ?? ''));
  const [deadline, setDeadline] = useState(doc.deadline ?? '');
  const [deadlineNote, setDeadlineNote] = useState(doc.deadlineNote ?? '');
  const [status, setStatus] = useState<Status | ''>(doc.status ?? '');
  const [notes, setNotes] = useState(doc.notes ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const docWs = workstreams.find((w) => w.id === doc.workstreamId);
  const url = openUrl(docWs ? { doc, workstream: docWs } : { doc });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    let newWorkstream: Workstream | undefined;
    let workstreamId: string | undefined = wsChoice || undefined;
    if (wsChoice === NEW_WS) {
      const name = newWsName.trim();
      if (!name) {
        setProblem(t('editor_new_ws_needed'));
        document.getElementById(`${id}-newws`)?.focus();
        return;
      }
      const existing = workstreams.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
      if (existing) {
        workstreamId = existing.id;
      } else {
        const group = commonGroup(workstreams);
        newWorkstream = {
          id: newWorkstreamId(
            name,
            workstreams.map((w) => w.id),
          ),
          name,
          color: nextWorkstreamColor(workstreams),
          ...(group ? { group } : {}),
        };
        workstreamId = newWorkstream.id;
      }
    }
    if (deadline && !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) {
      setProblem(t('editor_deadline_invalid'));
      return;
    }
    setProblem(null);
    // Keep what the form does not show (url, aliases, source, unknown fields).
    const next = compact({
      ...doc,
      title: title.trim() || undefined,
      workstreamId,
      deadline: deadline || undefined,
      deadlineNote: deadlineNote.trim() || undefined,
      status: status || undefined,
      notes: notes.trim() ? notes : undefined,
      updatedAt: new Date().toISOString(),
    });
    setBusy(true);
    try {
      await onSave(next, newWorkstream);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  }

  const heading = mode === 'edit' ? t('editor_heading_edit') : t('editor_heading_track');

  return (
    <form className="editor" aria-labelledby={`${id}-heading`} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {underneath && (
        <div className="notice-warn" role="status">
          <span>
            {underneath.kind === 'deleted'
              ? t('editor_deleted_elsewhere')
              : underneath.kind === 'tracked'
                ? t('editor_tracked_elsewhere')
                : t('editor_changed_elsewhere')}
          </span>
          {underneath.kind !== 'deleted' && onLoadLatest && (
            <button type="button" onClick={onLoadLatest}>
              {t('editor_load_latest')}
            </button>
          )}
        </div>
      )}
      <p className="editor-id">
        <span className="doc-kind">{KIND_LABELS[doc.kind] ?? doc.kind}</span>{' '}
        <a href={url} target="_blank" rel="noopener noreferrer" title={t('editor_open_title')}>
          {doc.id}
        </a>
      </p>

      <div className="field">
        <label htmlFor={`${id}-title`}>{t('field_title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          dir="auto"
          value={title}
          autoFocus
          placeholder={displayTitle(doc)}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>

      <div className="field">
        <label htmlFor={`${id}-ws`}>{t('field_workstream')}</label>
        <WorkstreamSelect id={`${id}-ws`} value={wsChoice} workstreams={workstreams} onChange={setWsChoice} />
      </div>
      {wsChoice === NEW_WS && (
        <div className="field">
          <label htmlFor={`${id}-newws`}>{t('editor_new_ws_name')}</label>
          <input
            id={`${id}-newws`}
            type="text"
            dir="auto"
            value={newWsName}
            required
            aria-invalid={problem && !newWsName.trim() ? true : undefined}
            onChange={(e) => setNewWsName(e.target.value)}
          />
        </div>
      )}

      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-deadline`}>{t('field_deadline')}</label>
          <input id={`${id}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('field_status')}</label>
          <StatusSelect id={`${id}-status`} value={status} allowUnset={!doc.status} onChange={setStatus} />
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${id}-dnote`}>{t('field_deadline_note')}</label>
        <input
          id={`${id}-dnote`}
          type="text"
          dir="auto"
          value={deadlineNote}
          placeholder={t('editor_note_placeholder')}
          onChange={(e) => setDeadlineNote(e.target.value)}
        />
      </div>

      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('field_notes')}</label>
        <textarea dir="auto" id={`${id}-notes`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>

      <SourceLine doc={doc} />

      <p className="field-error" aria-live="polite">
        {problem}
      </p>

      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}

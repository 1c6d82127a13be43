import { useMemo, useRef, useState } from 'react';
import { useLatest } from '@/hooks/useLatest';
import type { Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import type { IndexSummary } from '@/utils/shared/docs-query';
import { commonGroup, newWorkstreamId, nextWorkstreamColor } from '@/utils/shared/workstreams';
import { Swatch } from '@/components/common/Swatch';
import { t, tn } from '@/utils/shared/i18n';
import { WorkstreamDeletePanel } from './WorkstreamDeletePanel';
import { WorkstreamForm } from './WorkstreamForm';
import type { WorkstreamValues } from './WorkstreamForm';

type Panel = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'delete'; id: string } | null;

/** Move focus back to a row's button once its inline panel has closed. */
function refocus(selector: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/**
 * The Workstreams view: list with document counts (`index/summary`, again after every change);
 * create, edit inline, delete with a choice for the documents.
 */
export function WorkstreamManager({
  revision,
  today,
  onError,
}: {
  revision: number;
  today: string;
  onError: (e: unknown) => void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [summary, setSummary] = useState<IndexSummary | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  useLatest(
    () => send('index/summary', { today }),
    setSummary,
    (e) => onErrorRef.current(e),
    [revision, today],
  );
  const loaded = !!summary;
  const workstreams = useMemo(() => summary?.workstreams ?? [], [summary]);
  const counts = useMemo(() => new Map(Object.entries(summary?.counts ?? {})), [summary]);
  const sorted = useMemo(
    () => [...workstreams].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })),
    [workstreams],
  );
  const groups = useMemo(
    () => [...new Set(workstreams.map((w) => w.group).filter((g): g is string => !!g))].sort(),
    [workstreams],
  );

  function close(selector: string) {
    setPanel(null);
    refocus(selector);
  }

  async function create(values: WorkstreamValues): Promise<boolean> {
    const workstream = withValues(
      {
        id: newWorkstreamId(
          values.name,
          workstreams.map((w) => w.id),
        ),
      },
      values,
    );
    try {
      await send('ws/put', { workstream });
      setNotice(null);
      close('[data-ws-new]');
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  }

  async function update(ws: Workstream, values: WorkstreamValues): Promise<boolean> {
    const workstream = withValues(ws, values);
    try {
      await send('ws/put', { workstream });
      close(`[data-ws-edit="${CSS.escape(ws.id)}"]`);
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  }

  async function remove(ws: Workstream, reassignTo: string | null): Promise<boolean> {
    try {
      const { moved } = await send('ws/delete', { id: ws.id, reassignTo });
      const target = reassignTo ? workstreams.find((w) => w.id === reassignTo)?.name : null;
      const deleted = t('ws_deleted', { name: ws.name });
      const documents = !moved ? '' : target ? tn('ws_deleted_moved', moved, { name: target }) : tn('ws_deleted_left', moved);
      setNotice(documents ? `${deleted} ${documents}` : deleted);
      close('[data-ws-new]');
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  }

  return (
    <div className="workstreams">
      <div className="section-head">
        <h2>{t('view_workstreams')}</h2>
        {panel?.kind !== 'new' && (
          <button type="button" data-ws-new onClick={() => setPanel({ kind: 'new' })}>
            {t('ws_new')}
          </button>
        )}
      </div>
      {notice && <p className="notice">{notice}</p>}

      {panel?.kind === 'new' && (
        <WorkstreamForm
          heading={t('ws_new')}
          submitLabel={t('ws_create')}
          groups={groups}
          initial={{ name: '', group: commonGroup(workstreams), color: nextWorkstreamColor(workstreams), account: '' }}
          onSubmit={create}
          onCancel={() => close('[data-ws-new]')}
        />
      )}

      {!loaded ? (
        <p className="muted">{t('common_loading')}</p>
      ) : sorted.length === 0 ? (
        <p className="muted">{t('ws_none')}</p>
      ) : (
        <ul className="ws-list">
          {sorted.map((ws) => {
            const n = counts.get(ws.id) ?? 0;
            const editing = panel?.kind === 'edit' && panel.id === ws.id;
            const deleting = panel?.kind === 'delete' && panel.id === ws.id;
            return (
              <li key={ws.id} className="ws-row" data-ws-id={ws.id}>
                <div className="ws-line">
                  <Swatch color={ws.color} />
                  <div className="ws-text">
                    <span className="ws-name">{ws.name}</span>
                    <span className="doc-meta">
                      {ws.group && <>{ws.group} · </>}
                      {tn('count_documents', n)}
                      {ws.account && (
                        <>
                          {' · '}
                          {t('ws_opens_as', {
                            account: /^\d+$/.test(ws.account) ? t('ws_account_number', { number: ws.account }) : ws.account,
                          })}
                        </>
                      )}
                    </span>
                  </div>
                  <div className="doc-actions">
                    <button
                      type="button"
                      data-ws-edit={ws.id}
                      aria-expanded={editing}
                      onClick={() => setPanel(editing ? null : { kind: 'edit', id: ws.id })}
                    >
                      {t('action_edit')}
                      <span className="sr-only"> {ws.name}</span>
                    </button>
                    <button
                      type="button"
                      className="danger"
                      data-ws-delete={ws.id}
                      aria-expanded={deleting}
                      onClick={() => setPanel(deleting ? null : { kind: 'delete', id: ws.id })}
                    >
                      {t('action_delete')}
                      <span className="sr-only"> {ws.name}</span>
                    </button>
                  </div>
                </div>
                {editing && (
                  <WorkstreamForm
                    heading={t('ws_edit_label', { name: ws.name })}
                    submitLabel={t('common_save')}
                    groups={groups}
                    initial={{
                      name: ws.name,
                      group: ws.group ?? '',
                      color: ws.color ?? nextWorkstreamColor(workstreams),
                      account: ws.account ?? '',
                    }}
                    onSubmit={(v) => update(ws, v)}
                    onCancel={() => close(`[data-ws-edit="${CSS.escape(ws.id)}"]`)}
                  />
                )}
                {deleting && (
                  <WorkstreamDeletePanel
                    workstream={ws}
                    count={n}
                    others={sorted.filter((w) => w.id !== ws.id)}
                    onConfirm={(to) => remove(ws, to)}
                    onCancel={() => close(`[data-ws-delete="${CSS.escape(ws.id)}"]`)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** A workstream with the form's values; an empty group or account means none. */
function withValues(base: Partial<Workstream> & Pick<Workstream, 'id'>, values: WorkstreamValues): Workstream {
  const { group: _group, account: _account, ...rest } = base;
  return {
    ...rest,
    name: values.name,
    color: values.color,
    ...(values.group ? { group: values.group } : {}),
    ...(values.account ? { account: values.account } : {}),
  };
}

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { send } from '@/utils/shared/protocol';
import type { SnapshotInfo } from '@/utils/shared/reports';
import { formatInstant } from '@/utils/shared/format-date';
import { historyText, snapshotCounts } from '@/utils/popup/report-text';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { errorMessage } from '@/utils/popup/errors';
import { t } from '@/utils/shared/i18n';
import { labelText } from '@/utils/popup/snapshot-label';
import { useLatestRuns } from '@/hooks/useLatest';

/**
 * "History": the index as it was before each import, sync, upgrade and restore. Restore asks
 * inline first; the index as it is now becomes a snapshot of its own, so a restore can be undone.
 */
export function SnapshotList({ revision }: { revision?: unknown }) {
  const id = useId();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const runs = useLatestRuns();
  const confirmRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(
    () =>
      runs.run(
        () => send('snapshots/list', {}),
        ({ snapshots: list }) => setSnapshots(list),
        (err) => setError(errorMessage(err)),
      ),
    [runs],
  );

  // Again whenever the index changes: imports and syncs add snapshots.
  useEffect(() => {
    void load();
  }, [load, revision]);

  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);

  function cancel(snapshotId: number) {
    setConfirming(null);
    requestAnimationFrame(() => document.getElementById(`${id}-restore-${snapshotId}`)?.focus());
  }

  async function restore(s: SnapshotInfo) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { restored } = await send('snapshots/restore', { id: s.id });
      setConfirming(null);
      setMessage(t('team_restored', { when: formatInstant(restored.createdAt), counts: snapshotCounts(restored) }));
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent, snapshotId: number) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel(snapshotId);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="history">
      <h2 id={`${id}-heading`}>{t('team_history_heading')}</h2>
      <p className="muted small">
        {t('team_history_intro')}
        {snapshots?.length ? ` ${historyText(snapshots)}` : ''}
      </p>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {snapshots === null ? (
        !error && <p className="muted">{t('popup_loading')}</p>
      ) : snapshots.length === 0 ? (
        <p className="muted small">{t('team_no_snapshots')}</p>
      ) : (
        <ul className="snapshot-list">
          {snapshots.map((s) => {
            const when = formatInstant(s.createdAt);
            const open = confirming === s.id;
            return (
              <li key={s.id} className="snapshot-row" data-snapshot-id={s.id}>
                <div className="snapshot-line">
                  <div className="snapshot-text">
                    <time dateTime={s.createdAt} className="snapshot-when">
                      {when}
                    </time>
                    <span className="snapshot-label">{labelText(s.label)}</span>
                    <span className="doc-meta">{snapshotCounts(s)}</span>
                  </div>
                  <button
                    type="button"
                    id={`${id}-restore-${s.id}`}
                    aria-expanded={open}
                    disabled={busy}
                    onClick={() => (open ? cancel(s.id) : setConfirming(s.id))}
                  >
                    {t('team_restore')}
                    <span className="sr-only">{t('team_restore_more', { when })}</span>
                  </button>
                </div>
                {open && (
                  <div
                    className="confirm-panel"
                    role="group"
                    aria-label={t('team_restore_label', { when })}
                    onKeyDown={(e) => onKeyDown(e, s.id)}
                  >
                    <p className="confirm-question">{t('team_restore_question', { when })}</p>
                    <div className="actions">
                      <button type="button" className="primary" ref={confirmRef} disabled={busy} onClick={() => restore(s)}>
                        {t('team_restore_yes')}
                      </button>
                      <button type="button" onClick={() => cancel(s.id)} disabled={busy}>
                        {t('team_cancel')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

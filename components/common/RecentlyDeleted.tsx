import { useCallback, useEffect, useId, useState } from 'react';
import { send, type TrashPage } from '@/utils/shared/protocol';
import { formatInstant } from '@/utils/shared/format-date';
import { formatGrouped, t, tn } from '@/utils/shared/i18n';
import { errorMessage } from '@/utils/popup/errors';
import { restoredText, undoText } from '@/utils/popup/operation-text';
import { runOperation } from '@/utils/popup/run-operation';
import { useLatestRuns } from '@/hooks/useLatest';
import { ErrorAlert } from './ErrorAlert';

/** Rows of the trash shown at a time ("Show more" for the next ones). */
const PAGE = 50;

/**
 * "Recently deleted" (issue 28, item 4), in the popup and the full page: the trash, newest first,
 * each with Restore; and the deletes of many documents, each restorable whole (their documents
 * are kept beyond the trash, and the index was snapshotted before the largest).
 */
export function RecentlyDeleted({ revision, onRestored }: { revision?: unknown; onRestored?: () => void }) {
  const id = useId();
  const [page, setPage] = useState<TrashPage | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const runs = useLatestRuns();

  const load = useCallback(
    () =>
      runs.run(
        () => send('trash/list', { offset: 0, limit }),
        // An answer without a list (an older background mid-update) shows as empty, never as a crash.
        (next) => setPage({ total: next?.total ?? 0, entries: next?.entries ?? [], bulk: next?.bulk ?? [] }),
        (err) => setError(errorMessage(err)),
      ),
    [runs, limit],
  );

  useEffect(() => {
    void load();
  }, [load, revision]);

  async function run(work: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
      onRestored?.();
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const restore = (ids: string[]) => run(async () => restoredText(await runOperation(send, 'trash/restore', { ids })));
  const restoreBulk = (opId: string) => run(async () => undoText(await runOperation(send, 'docs/undo', { of: opId })));

  return (
    <section className="recently-deleted" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('view_recently_deleted')}</h2>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <p className="muted small" role="status">
        {message}
      </p>
      {!page ? (
        <p className="muted">{t('common_loading')}</p>
      ) : (
        <>
          {page.bulk.length > 0 && (
            <ul className="bulk-deletes">
              {page.bulk.map((b) => (
                <li key={b.opId}>
                  <span>{tn('common_trash_bulk', b.count, { count: formatGrouped(b.count), date: formatInstant(b.at) })}</span>{' '}
                  <button type="button" disabled={busy} onClick={() => void restoreBulk(b.opId)}>
                    {t('common_trash_restore_all', { count: formatGrouped(b.count) })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {page.total === 0 ? (
            <p className="muted">{t('common_trash_empty')}</p>
          ) : (
            <>
              <p className="muted small">{tn('common_trash_total', page.total, { count: formatGrouped(page.total) })}</p>
              <ul className="trash-list">
                {page.entries.map((e) => (
                  <li key={e.id} data-docket-id={e.id}>
                    <span className="title">{e.title}</span>{' '}
                    <span className="muted small">{t('common_trash_deleted_at', { date: formatInstant(e.deletedAt) })}</span>{' '}
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={t('common_trash_restore_named', { title: e.title })}
                      onClick={() => void restore([e.id])}
                    >
                      {t('common_trash_restore')}
                    </button>
                  </li>
                ))}
              </ul>
              {page.entries.length < page.total && (
                <button type="button" className="link-button" onClick={() => setLimit((l) => l + PAGE)}>
                  {t('common_show_more')}
                </button>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

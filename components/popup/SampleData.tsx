import { useCallback, useMemo, useState } from 'react';
import type { Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import { runOperation } from '@/utils/popup/run-operation';
import { t } from '@/utils/shared/i18n';
import { SAMPLE_DOC_IDS, isSampleWorkstream, sampleIndexText } from '@/utils/popup/sample';

export interface SampleState {
  /** The sample is in the index (one of its workstreams is). */
  present: boolean;
  busy: boolean;
  message: string | null;
  add: () => void;
  remove: () => void;
}

/** Add the sample data (an import of the marked demo index), or remove it: its documents and workstreams only. */
export function useSample({
  workstreams,
  today,
  onError,
  onChanged,
}: {
  workstreams: readonly Workstream[];
  today: string;
  onError: (e: unknown) => void;
  onChanged: () => void;
}): SampleState {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const present = useMemo(() => workstreams.some(isSampleWorkstream), [workstreams]);

  const add = useCallback(() => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    void send('import/apply', { text: sampleIndexText(today), filename: 'sample-index.json' })
      .then(onChanged, onError)
      .finally(() => setBusy(false));
  }, [busy, today, onChanged, onError]);

  const remove = useCallback(() => {
    if (busy) return;
    setBusy(true);
    void (async () => {
      try {
        // The sample's documents still in a sample workstream: one the member moved to their own stays.
        const { records } = await send('docs/find', { ids: [...SAMPLE_DOC_IDS] });
        const ids = Object.values(records)
          .map((r) => r.doc)
          .filter((d) => !d.workstreamId || isSampleWorkstream({ id: d.workstreamId }))
          .map((d) => d.id);
        if (ids.length) await runOperation(send, 'docs/delete-many', { ids });
        for (const ws of workstreams.filter(isSampleWorkstream)) await send('ws/delete', { id: ws.id, reassignTo: null });
        // A sheet joined meanwhile that lists one of the sample's documents left it in the sample (the copy the
        // member had wins; the difference is flagged), so it just went too: read the sheets again at once, and
        // the group's documents come back as theirs instead of in an hour.
        if (ids.length && (await send('subscriptions/list', {})).subscriptions.length) await send('subscriptions/sync', {});
        setMessage(t('sample_removed'));
        onChanged();
      } catch (e) {
        onError(e);
      } finally {
        setBusy(false);
      }
    })();
  }, [busy, workstreams, onChanged, onError]);

  return { present, busy, message, add, remove };
}

/** "You are trying Docket with sample data" and its one-click removal, shown while the sample is there. */
export function SampleBanner({ sample }: { sample: SampleState }) {
  if (!sample.present)
    return sample.message ? (
      <p className="notice" role="status">
        {sample.message}
      </p>
    ) : null;
  return (
    <p className="notice sample-banner" role="status">
      {t('sample_banner')}{' '}
      <button type="button" onClick={sample.remove} disabled={sample.busy}>
        {t('sample_remove')}
      </button>
    </p>
  );
}

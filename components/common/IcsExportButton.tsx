import { useState } from 'react';
import { send } from '@/utils/shared/protocol';
import { allDeadlines } from '@/utils/popup/all-deadlines';
import { localToday } from '@/utils/shared/calendar';
import { download } from '@/utils/popup/download';
import { t, tn } from '@/utils/shared/i18n';

/**
 * Export deadlines as an `.ics` file: the documents `ids` gives (the selection), or every document
 * not done with a deadline. The iCalendar writer loads on first use.
 */
export function IcsExportButton({
  ids,
  label,
  onError,
  onDone,
}: {
  /** The documents to export (called on click); null: every deadline not done. */
  ids?: () => readonly string[] | null;
  label: string;
  onError: (e: unknown) => void;
  onDone?: (text: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const chosen = ids?.() ?? null;
      const [{ documents, workstreams }, { deadlinesIcs, icsFilename }] = await Promise.all([
        allDeadlines(send, chosen ? { ids: [...chosen] } : {}),
        import('@/utils/popup/ics'),
      ]);
      if (!documents.length) {
        onDone?.(t('common_ics_none'));
        return;
      }
      const filename = icsFilename(localToday());
      download(filename, 'text/calendar', deadlinesIcs(documents, workstreams, new Date()));
      onDone?.(tn('common_ics_downloading', documents.length, { file: filename }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="ics-export" disabled={busy} onClick={() => void run()}>
      {label}
    </button>
  );
}

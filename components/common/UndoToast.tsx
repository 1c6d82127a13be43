import { useEffect, useId, useRef } from 'react';
import type { DocRecord } from '@/utils/shared/model';
import { displayTitle } from '@/utils/shared/doc-order';
import { t } from '@/utils/shared/i18n';

/** At least a minute (issue 28, item 4); afterwards the document is in Recently deleted (Import / export). */
export const UNDO_MS = 60_000;

/** "Deleted …" with an Undo button, for a minute. */
export function UndoToast({ doc, onUndo, onClose }: { doc: DocRecord; onUndo: () => void; onClose: () => void }) {
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const timer = setTimeout(() => onCloseRef.current(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [doc]);

  const id = useId();
  return (
    <div className="toast" role="status">
      <span id={`${id}-what`}>{t('common_deleted_named', { title: displayTitle(doc) })}</span>
      {/* Focus lands here: the deleted row's buttons are gone. Described by what was deleted, it says so with "Undo". */}
      <button type="button" onClick={onUndo} autoFocus aria-describedby={`${id}-what`}>
        {t('common_undo')}
      </button>
      <button type="button" className="link-button" onClick={onClose}>
        <span aria-hidden="true">×</span>
        <span className="sr-only">{t('common_dismiss')}</span>
      </button>
    </div>
  );
}

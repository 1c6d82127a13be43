import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Correction } from '@/utils/shared/scan-memory';
import { forget, loadCorrections, scanMemoryItem, updateCorrections } from '@/utils/shared/scan-memory';
import { formatInstant } from '@/utils/shared/format-date';
import { t, tn } from '@/utils/shared/i18n';
import { errorMessage } from '@/utils/popup/errors';

/**
 * The choices Scan remembers (utils/shared/scan-memory.ts): each item of a site and the workstream the
 * member gave it, with Forget per entry and Forget all (asked once more). Folded under its count; it
 * follows the store, so a choice remembered by tracking, or forgotten in another view, shows at once.
 */
export function ScanMemory({ site }: { site?: string }) {
  const id = useId();
  const [list, setList] = useState<Correction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);

  const load = useCallback(() => {
    loadCorrections().then(setList, (e: unknown) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    load();
    return scanMemoryItem.watch(() => load());
  }, [load]);

  async function change(next: (l: Correction[]) => Correction[], said: string, focusAfter?: string) {
    setError(null);
    try {
      setList(await updateCorrections(next));
      setStatus(said);
      // Focus stays in the list: the next entry's button, else the summary.
      const target = focusAfter ? document.getElementById(focusAfter) : null;
      (target ?? details.current?.querySelector('summary'))?.focus();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (!list) return null;
  // This site's choices first, then the others.
  const shown = site ? [...list.filter((c) => c.site === site), ...list.filter((c) => c.site !== site)] : list;
  return (
    <details className="scan-memory" ref={details}>
      <summary>{tn('scanmem_summary', list.length)}</summary>
      <p className="muted small">{t('scanmem_about')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted small">{t('scanmem_empty')}</p>
      ) : (
        <>
          <ul className="scan-memory-list" aria-label={t('scanmem_list')}>
            {shown.map((c, i) => (
              <li key={`${c.site} ${c.item}`} className="scan-memory-entry">
                <span>
                  {t('scanmem_entry', { item: c.item, workstream: c.workstreamName })}{' '}
                  <span className="muted small">{t('scanmem_where', { site: c.site, when: formatInstant(c.at) })}</span>
                </span>
                <button
                  type="button"
                  id={`${id}-forget-${i}`}
                  className="link-button"
                  aria-label={t('scanmem_forget_one', { item: c.item, site: c.site })}
                  onClick={() =>
                    void change(
                      (l) => forget(l, c),
                      t('scanmem_forgot', { item: c.item }),
                      shown.length > 1 ? `${id}-forget-${i < shown.length - 1 ? i : i - 1}` : undefined,
                    )
                  }
                >
                  {t('scanmem_forget')}
                </button>
              </li>
            ))}
          </ul>
          {confirming ? (
            <p className="scan-memory-confirm">
              <span>{tn('scanmem_forget_all_ask', list.length)}</span>{' '}
              <button
                type="button"
                autoFocus
                onClick={() => {
                  setConfirming(false);
                  void change(() => [], t('scanmem_forgot_all'));
                }}
              >
                {t('scanmem_forget_all')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('scanmem_keep')}
              </button>
            </p>
          ) : (
            <button type="button" className="link-button" onClick={() => setConfirming(true)}>
              {t('scanmem_forget_all')}
            </button>
          )}
        </>
      )}
      <p className="sr-only" role="status">
        {status}
      </p>
    </details>
  );
}

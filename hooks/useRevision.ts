import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { REVISION_KEY } from '@/utils/shared/protocol';

/**
 * A number that changes whenever the index does: when the background bumps REVISION_KEY (any
 * page's write, this one's included), or when `bump` is called. Views re-run their own small
 * query when it changes; nothing loads the whole index.
 */
export function useRevision(): { revision: number; bump: () => void } {
  const [revision, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((n) => n + 1), []);
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && REVISION_KEY in changes) bump();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [bump]);
  return { revision, bump };
}

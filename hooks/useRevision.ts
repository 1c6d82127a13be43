import { useCallback, useEffect, useState } from 'react';
import { revisionItem } from '@/utils/shared/storage-items';

/**
 * A number that changes whenever the index does: when the background bumps the index revision (`revisionItem`) (any
 * page's write, this one's included), or when `bump` is called. Views re-run their own small
 * query when it changes; nothing loads the whole index.
 */
export function useRevision(): { revision: number; bump: () => void } {
  const [revision, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((n) => n + 1), []);
  useEffect(() => {
    return revisionItem.watch(bump);
  }, [bump]);
  return { revision, bump };
}

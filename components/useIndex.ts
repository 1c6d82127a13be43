import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '../utils/model';
import { REVISION_KEY, send } from '../utils/protocol';

export interface IndexData {
  documents: DocRecord[];
  workstreams: Workstream[];
}

/**
 * The index as the background has it. Reloads whenever the background bumps
 * REVISION_KEY (any page's write, this one's included), so open pages stay in step.
 */
export function useIndex(onError: (e: unknown) => void): { data: IndexData | null; reload: () => Promise<void> } {
  const [data, setData] = useState<IndexData | null>(null);
  const seq = useRef(0);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const reload = useCallback(async () => {
    const n = ++seq.current;
    try {
      const result = await send('index/get', {});
      if (n === seq.current) setData({ documents: result.documents, workstreams: result.workstreams });
    } catch (e) {
      if (n === seq.current) onErrorRef.current(e);
    }
  }, []);

  useEffect(() => {
    void reload();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && REVISION_KEY in changes) void reload();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [reload]);

  return { data, reload };
}

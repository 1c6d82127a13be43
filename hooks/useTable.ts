import { useCallback, useEffect, useRef, useState } from 'react';
import type { TableGroup, TablePage, TableQuery } from '@/utils/shared/doc-table';
import type { DocsRow } from '@/utils/shared/docs-query';
import type { Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import { blocksFor } from '@/utils/popup/virtual-rows';
import { TABLE_BLOCK, type TableKey } from '@/utils/popup/table-view';
import { keepTableFirst } from '@/utils/popup/table-first';
import { readRevision } from '@/utils/popup/index-revision';

export interface TableData {
  /** Which answer this is (changes with the query and with the index). */
  answer: number;
  total: number;
  groups: TableGroup[];
  workstreams: Workstream[];
  indexSize: number;
  /** Rows by block (its first offset). */
  blocks: ReadonlyMap<number, DocsRow[]>;
  /** Every matching id in order (null until it arrives). */
  ids: string[] | null;
}

/** Ask again this many times at most when an answer says it is partial. */
const PARTIAL_RETRIES = 3;

export type TableRunner = (q: TableQuery) => Promise<TablePage>;
const sendTable: TableRunner = (q) => send('docs/table', q);

/**
 * The table's rows from the background, a block at a time. Whenever the query or the index changes,
 * the blocks in view are asked again and replace the rows on screen together (no flash of empty
 * rows); every id in order follows; `need` asks for the blocks a new scroll position shows.
 * `first`: the first block, already answered (the entry script asked before React loaded): drawn
 * in the first render.
 */
export function useTable(
  key: TableKey,
  revision: number,
  onError: (e: unknown) => void,
  /** `fresh`: the background's answer now; otherwise rows kept from the last visit (asked again at once). */
  first?: { key: TableKey; page: TablePage; fresh: boolean } | null,
  run: TableRunner = sendTable,
  /** Keep each whole first block (and the revision) for the next visit's first screen. */
  keepFirst = true,
): { data: TableData | null; rowAt: (offset: number) => DocsRow | undefined; need: (from: number, to: number) => void } {
  const keyJson = JSON.stringify(key);
  // The entry script's answer, when it answers this question (and is whole): the first screen, and no need to ask again.
  const [initial] = useState(() => (first && !first.page.partial && JSON.stringify(first.key) === keyJson ? first.page : null));
  const [data, setData] = useState<TableData | null>(() =>
    initial
      ? {
          answer: 1,
          total: initial.total,
          groups: initial.groups,
          workstreams: initial.workstreams,
          indexSize: initial.indexSize,
          blocks: new Map([[0, initial.rows]]),
          ids: null,
        }
      : null,
  );
  const seq = useRef(0);
  const skipFirst = useRef(!!initial && !!first?.fresh);
  const pending = useRef(new Set<number>());
  const wanted = useRef({ from: 0, to: TABLE_BLOCK });
  const lastKey = useRef<string | null>(null);
  const ids = useRef<{ answer: number; ids: string[] } | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const ask = useCallback((k: TableKey, offset: number): Promise<TablePage> => run({ ...k, offset, limit: TABLE_BLOCK }), [run]);

  useEffect(() => {
    const k = JSON.parse(keyJson) as TableKey;
    const n = ++seq.current;
    pending.current = new Set();
    // A new query starts at the top; the same one after a change keeps its place.
    if (lastKey.current !== keyJson) wanted.current = { from: 0, to: TABLE_BLOCK };
    lastKey.current = keyJson;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Every id in order (for selecting ranges and all): after the rows are on screen.
    const askIds = () =>
      run({ ...k, offset: 0, limit: 0, ids: true }).then(
        (page) => {
          if (n !== seq.current) return;
          ids.current = { answer: n, ids: page.ids ?? [] };
          setData((prev) => (prev && prev.answer === n ? { ...prev, ids: page.ids ?? [] } : prev));
        },
        (e) => n === seq.current && onErrorRef.current(e),
      );
    const load = () => {
      const inView = blocksFor(wanted.current.from, wanted.current.to, TABLE_BLOCK);
      const offsets = inView.length ? inView : [0];
      // Read before asking: the answer is at least as new as this revision (kept with it for the next visit).
      const atRevision = keepFirst && offsets[0] === 0 && !k.text ? readRevision() : null;
      Promise.all(offsets.map((o) => ask(k, o))).then(
        (pages) => {
          if (n !== seq.current) return;
          const p = pages[0]!;
          void atRevision?.then((r) => keepTableFirst(localStorage, k, r, p));
          setData({
            answer: n,
            total: p.total,
            groups: p.groups,
            workstreams: p.workstreams,
            indexSize: p.indexSize,
            blocks: new Map(offsets.map((o, i) => [o, pages[i]!.rows] as const)),
            ids: ids.current?.answer === n ? ids.current.ids : null,
          });
          // Answered from the database's indexes before the index was in memory: ask again for the whole answer.
          if (p.partial && tries++ < PARTIAL_RETRIES) load();
          else timer = setTimeout(() => void askIds(), 0);
        },
        (e) => n === seq.current && onErrorRef.current(e),
      );
    };
    if (skipFirst.current && n === 1) {
      // The first screen is the entry script's answer: only the ids are missing.
      skipFirst.current = false;
      timer = setTimeout(() => void askIds(), 0);
    } else load();
    return () => clearTimeout(timer);
  }, [keyJson, revision, ask, run, keepFirst]);

  const need = useCallback(
    (from: number, to: number) => {
      wanted.current = { from, to };
      const cur = dataRef.current;
      if (!cur || cur.answer !== seq.current) return;
      const n = seq.current;
      const k = JSON.parse(keyJson) as TableKey;
      for (const o of blocksFor(from, Math.min(to, cur.total), TABLE_BLOCK)) {
        if (cur.blocks.has(o) || pending.current.has(o)) continue;
        pending.current.add(o);
        ask(k, o).then(
          (page) => {
            if (n !== seq.current) return;
            pending.current.delete(o);
            setData((prev) => (prev && prev.answer === n ? { ...prev, blocks: new Map(prev.blocks).set(o, page.rows) } : prev));
          },
          (e) => n === seq.current && onErrorRef.current(e),
        );
      }
    },
    [keyJson, ask],
  );

  const rowAt = useCallback(
    (offset: number) => {
      const block = Math.floor(offset / TABLE_BLOCK) * TABLE_BLOCK;
      return data?.blocks.get(block)?.[offset - block];
    },
    [data],
  );

  return { data, rowAt, need };
}

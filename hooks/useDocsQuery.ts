import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { DocsPage, DocsQuery } from '@/utils/shared/docs-query';
import { answerDiffers } from '@/utils/popup/first-page';
import { sharePage } from '@/utils/popup/share-page';
import { answered, keptFor, sendQuery, takeEarly } from '@/utils/popup/early';
import type { QueryRunner } from '@/utils/popup/early';

export type { QueryRunner };

export type QueryKey = Omit<DocsQuery, 'offset' | 'limit'>;

export interface PagedResult {
  /** The query this page answers. */
  key: QueryKey;
  page: DocsPage;
}

/** Ask again this many times at most when an answer says it is partial. */
const PARTIAL_RETRIES = 3;

/**
 * One view's query to the background: the first `pageSize` rows whenever the query or the
 * revision changes, more on request. Answers to an older question are dropped; the last answer
 * stays on screen until the next one arrives.
 */
export function useDocsQuery(
  key: QueryKey | null,
  revision: number,
  pageSize: number,
  onError: (e: unknown) => void,
  run: QueryRunner = sendQuery,
): { result: PagedResult | null; more: () => void; loadingMore: boolean } {
  // The first screen kept from the last opening, when it answers this question at the current revision.
  const [result, setResult] = useState<PagedResult | null>(() => {
    const page = key && keptFor({ ...key, offset: 0, limit: pageSize });
    return key && page ? { key, page } : null;
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);
  const current = useRef<PagedResult | null>(null);
  current.current = result;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const runRef = useRef(run);
  runRef.current = run;
  const keyJson = key ? JSON.stringify(key) : null;

  useEffect(() => {
    if (keyJson === null) return;
    const k = JSON.parse(keyJson) as QueryKey;
    const n = ++seq.current;
    setLoadingMore(false);
    let tries = 0;
    const ask = (complete = false) => {
      const q: DocsQuery = { ...k, offset: 0, limit: pageSize, ...(complete ? { complete } : {}) };
      (takeEarly(q) ?? runRef.current(q)).then(
        (page) => {
          if (n !== seq.current) return;
          answered(q, page);
          const shown = current.current;
          // The same answer as on screen (the kept first screen, confirmed): nothing to draw.
          if (shown && JSON.stringify(shown.key) === keyJson && !answerDiffers(shown.page, page)) {
            if (page.partial && tries++ < PARTIAL_RETRIES) ask(true);
            return;
          }
          // Later answers are drawn in a transition: typing in the box stays ahead of drawing the rows.
          // The first is drawn at once (nothing else is on screen yet). Rows already on screen keep their objects.
          if (shown) startTransition(() => setResult({ key: k, page: sharePage(shown.page, page) }));
          else setResult({ key: k, page });
          // Answered from the database's indexes before the background's cache was ready: ask again for the counts.
          if (page.partial && tries++ < PARTIAL_RETRIES) ask(true);
        },
        (e) => n === seq.current && onErrorRef.current(e),
      );
    };
    ask();
  }, [keyJson, revision, pageSize]);

  const more = useCallback(() => {
    const cur = current.current;
    if (!cur) return;
    const n = seq.current;
    setLoadingMore(true);
    runRef.current({ ...cur.key, offset: cur.page.rows.length, limit: pageSize }).then(
      (page) => {
        if (n !== seq.current) return;
        setLoadingMore(false);
        startTransition(() =>
          setResult((prev) =>
            prev && prev.key === cur.key ? { key: prev.key, page: { ...page, rows: [...prev.page.rows, ...page.rows] } } : prev,
          ),
        );
      },
      (e) => {
        if (n !== seq.current) return;
        setLoadingMore(false);
        onErrorRef.current(e);
      },
    );
  }, [pageSize]);

  return { result, more, loadingMore };
}

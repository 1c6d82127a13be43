import { useEffect } from 'react';
import type { RefObject } from 'react';
import { queryId } from '../utils/popup/first-page';
import { keepScreen, readScreen, trimScreen } from '../utils/popup/first-screen';
import type { DocsPage } from '../utils/shared/docs-query';
import { FIRST_QUERY } from '../utils/popup/first-query';
import type { QueryKey } from './useDocsQuery';

/** After an answer is on screen, wait this long (its other rows, the sheets' names) before keeping the screen. */
const KEEP_AFTER_MS = 500;

/** The question `key` asks, if it is the popup's first question (the one whose screen is kept). */
export function firstQuestionId(key: QueryKey, text: string): string | null {
  if (text !== '' || (key.text ?? '') !== '') return null;
  const id = queryId({ ...key, offset: FIRST_QUERY.offset, limit: FIRST_QUERY.limit });
  return id === queryId({ ...FIRST_QUERY, today: key.today }) ? id : null;
}

/**
 * Keeps the popup's first screen (utils/popup/first-screen.ts) for the next opening whenever the list in
 * `list` (an element inside the popup's `.app`) shows a whole answer to the first question, the box empty.
 */
export function useKeepScreen(
  list: RefObject<HTMLElement | null>,
  result: { key: QueryKey; page: DocsPage } | null,
  text: string,
): void {
  useEffect(() => {
    const revision = result?.page.revision;
    const id = result ? firstQuestionId(result.key, text) : null;
    if (!id || result!.page.partial || typeof revision !== 'string') return;
    const timer = setTimeout(() => {
      const app = list.current?.closest('.app');
      if (!app) return;
      let store: Storage;
      try {
        store = window.localStorage;
      } catch {
        return;
      }
      const html = trimScreen(app);
      const kept = readScreen(store);
      if (html && kept && kept.query === id && kept.revision === revision && kept.html === html) return;
      keepScreen(store, id, revision, html);
    }, KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [list, result, text]);
}

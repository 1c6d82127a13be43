// The background's reading of a shared sheet: a redirect to a site Docket may not read is named as such.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserFetcher } from '@/utils/background/subscriptions';
import { RedirectedAway } from '@/utils/background/sync';

const URL_ = 'https://docs.google.com/spreadsheets/d/e/2PACX-x/pub?output=csv';

afterEach(() => vi.unstubAllGlobals());

describe('browserFetcher.fetch', () => {
  it.each<[string, () => Promise<Response>, (p: Promise<unknown>) => Promise<void>]>([
    [
      'a redirect it may not follow (a sign-in page) is RedirectedAway',
      async () => ({ type: 'opaqueredirect' }) as Response,
      (p) => expect(p).rejects.toBeInstanceOf(RedirectedAway),
    ],
    [
      'no answer at all stays the browser’s own error',
      () => Promise.reject(new TypeError('Failed to fetch')),
      (p) => expect(p).rejects.toThrow('Failed to fetch'),
    ],
  ])('%s', async (_name, second, expectation) => {
    const calls: RequestInit[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        calls.push(init);
        if (calls.length === 1) throw new TypeError('Failed to fetch');
        return second();
      }),
    );
    await expectation(browserFetcher.fetch(URL_, new AbortController().signal));
    expect(calls.map((c) => c.redirect)).toEqual(['follow', 'manual']);
  });

  it('a read stopped by its time limit is not asked again', async () => {
    const controller = new AbortController();
    const fetchSpy = vi.fn(async () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    vi.stubGlobal('fetch', fetchSpy);
    await expect(browserFetcher.fetch(URL_, controller.signal)).rejects.toThrow('aborted');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});

/**
 * `tab/ask` (issue 28, "Smaller"): in Firefox, a Docket page's question to a tab's content script goes through the
 * background, so that its answer comes over the page's port (dropped when the page hides: nothing is left pending in
 * the browser when the page closes). Only Docket's own pages may ask, only the content script's three questions, and
 * the content script's reply comes back as it gave it.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import type { Sender } from '@/utils/background/service';
import { ID, caller, fakeDeps } from '../support/service-fixture';

const CONTENT: Sender = { id: ID, url: 'https://www.intgovforum.org/wg-strategy/minutes-4.html', tab: { id: 7 } };
let db: DocketDB;
let n = 0;
beforeEach(async () => {
  db = await openDocketDb(`tab-ask-test-${++n}`);
});
afterEach(() => db.close());

describe('tab/ask', () => {
  it('asks the tab for a page and answers with the content script’s reply as it gave it', async () => {
    const info = { ok: true, result: { url: 'https://www.intgovforum.org/m.html', title: 'Minutes' } };
    const askTab = vi.fn(async () => info);
    const call = caller(fakeDeps(db, { askTab }));
    expect(await call('tab/ask', { tabId: 7, message: { type: 'page/info', data: {} } })).toEqual({ ok: true, result: info });
    expect(askTab).toHaveBeenCalledWith(7, { type: 'page/info', data: {} });
    await call('tab/ask', { tabId: 7, message: { type: 'page/link-context', data: { url: 'https://x.example/' } } });
    expect(askTab).toHaveBeenLastCalledWith(7, { type: 'page/link-context', data: { url: 'https://x.example/' } });
  });

  it('no content script in the tab: the browser’s error, as sendToTab had it', async () => {
    const askTab = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const reply = await caller(fakeDeps(db, { askTab }))('tab/ask', { tabId: 7, message: { type: 'page/html', data: {} } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Receiving end does not exist/) });
  });

  it('no reply, or one that is not a reply: null (sendToTab says the page did not answer)', async () => {
    for (const answer of [undefined, 'text', { result: 1 }]) {
      const call = caller(fakeDeps(db, { askTab: vi.fn(async () => answer) }));
      expect(await call('tab/ask', { tabId: 7, message: { type: 'page/info', data: {} } })).toEqual({ ok: true, result: null });
    }
  });

  it.each<[string, unknown]>([
    ['another question', { tabId: 7, message: { type: 'lookup', data: {} } }],
    ['a question with more in it', { tabId: 7, message: { type: 'page/info', data: { extra: 1 } } }],
    ['no tab', { message: { type: 'page/info', data: {} } }],
    ['a tab that is not a tab id', { tabId: -1, message: { type: 'page/info', data: {} } }],
  ])('refuses %s, asking nothing', async (_name, data) => {
    const askTab = vi.fn();
    expect((await caller(fakeDeps(db, { askTab }))('tab/ask', data)).ok).toBe(false);
    expect(askTab).not.toHaveBeenCalled();
  });

  it('a content script may not ask through the background', async () => {
    const askTab = vi.fn();
    const reply = await caller(fakeDeps(db, { askTab }))(
      'tab/ask',
      { tabId: 7, message: { type: 'page/html', data: {} } },
      CONTENT,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Only Docket’s own pages/) });
    expect(askTab).not.toHaveBeenCalled();
  });
});

// @vitest-environment happy-dom
/**
 * The popup's start before React (utils/popup/popup-start.ts): when the kept answer is offered to
 * React and its first screen shown at once, and when not (a stale answer is never shown); when the
 * background is asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { DocRecord } from '@/utils/shared/model';
import type { DocsPage, DocsQuery } from '@/utils/shared/docs-query';
import { FIRST_QUERY } from '@/utils/popup/first-query';
import { keepFirstPage } from '@/utils/popup/first-page';
import { localToday, addDays } from '@/utils/shared/calendar';
import { start } from '@/utils/popup/popup-start';
import { keptFor, takeEarly } from '@/utils/popup/early';
import { forgetEarly, typedEarly } from '@/utils/popup/first-screen';
import { answerRead } from '../support/fake-backend';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('@/utils/shared/protocol', () => protocol);

const today = localToday();
const Q: DocsQuery = { ...FIRST_QUERY, today };
const docs: DocRecord[] = Array.from({ length: 5 }, (_, i) => ({
  id: `1doc${i}aaaaaaaaaaaaaaaaaaaaaaa`,
  kind: 'document',
  aliases: [],
  title: `Document ${i}`,
  deadline: addDays(today, i),
  status: 'draft',
  updatedAt: '2020-09-01T00:00:00.000Z',
}));
const page = (): DocsPage => ({
  ...(answerRead({ documents: docs, workstreams: [] }, 'docs/query', Q) as DocsPage),
  revision: 'r1',
});

/** The popup's start at `search`, once it has decided what to offer and show. */
async function startPopup(search = '') {
  window.history.replaceState(null, '', `/popup.html${search}`);
  const s = start();
  await s.ready;
  return s;
}

const root = () => document.getElementById('root')!;
const asked = () => protocol.send.mock.calls.filter(([type]) => type === 'docs/query').map(([, q]) => q as DocsQuery);

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  protocol.send.mockReset().mockReturnValue(new Promise(() => undefined));
  document.body.innerHTML = '<div id="root"></div>';
  keepFirstPage(localStorage, Q, page());
  await browser.storage.local.set({ 'docket:revision': 'r1' });
});
afterEach(() => {
  // What the modules were offered goes (React would have taken it).
  takeEarly(Q);
  forgetEarly();
  vi.restoreAllMocks();
});

describe('the kept answer at the start', () => {
  it('is shown at once, inert but for the search box, when the index is still at its revision; the background is asked once it is on screen', async () => {
    const s = await startPopup();
    expect(root().querySelector('.app[data-early]')).not.toBeNull();
    expect(root().querySelectorAll('li[data-doc-id]')).toHaveLength(docs.length);
    expect(document.activeElement).toBe(root().querySelector('input[type=search]'));
    expect(typedEarly()).toBe('');
    expect(keptFor(Q)).toEqual(page());
    expect(asked()).toEqual([]);
    await s.shown;
    expect(asked()).toEqual([{ ...Q, complete: true }]);
  });

  it.each<[string, () => Promise<void> | void, string, boolean]>([
    ['the index changed since (another revision)', () => browser.storage.local.set({ 'docket:revision': 'r2' }), '', false],
    ['no revision known', () => browser.storage.local.remove('docket:revision'), '', false],
    ['kept another day', () => void keepFirstPage(localStorage, { ...Q, today: addDays(today, -1) }, page()), '', false],
    ['nothing kept', () => localStorage.clear(), '', false],
    ['kept text unreadable', () => localStorage.setItem('docket:first-page', '{"v":1,'), '', false],
    ['opened for a tab (the list is drawn by React, from the kept answer)', () => undefined, '?tab=4', true],
    ['opened for a search', () => undefined, '?q=roadmap', false],
    ['opened for the editor', () => undefined, '?edit=1abc', false],
  ])('is not shown early: %s', async (_, arrange, search, offered) => {
    await arrange();
    const s = await startPopup(search);
    await s.shown;
    expect(root().childElementCount).toBe(0);
    expect(keptFor(Q)).toEqual(offered ? page() : null);
    // The background is asked at once (nothing to show first), except where React asks its own question.
    if (!/[?&](q|edit)=/.test(search)) expect(asked()).toHaveLength(1);
  });

  it('is not shown when the revision comes after React took over', async () => {
    let answer!: (v: Record<string, unknown>) => void;
    vi.spyOn(browser.storage.local, 'get').mockReturnValue(new Promise((r) => (answer = r)) as never);
    const s = await startPopup();
    s.takeOver();
    answer({ 'docket:revision': 'r1' });
    await new Promise((r) => setTimeout(r, 10));
    expect(root().childElementCount).toBe(0);
    expect(keptFor(Q)).toBeNull();
  });

  it('is not shown, and the background is asked, when the storage cannot be read', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    await startPopup();
    expect(root().childElementCount).toBe(0);
    expect(keptFor(Q)).toBeNull();
    expect(asked()).toEqual([Q]);
  });
});

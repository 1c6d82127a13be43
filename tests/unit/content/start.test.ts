// @vitest-environment happy-dom
/**
 * Issue 13, items 3 and 5, in the content script's wiring: it ends only when its extension is
 * really gone, and a lookup refused for this site removes its badges while the page's own
 * messages (Scan this page) still answer.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDocket } from '@/utils/content/start';
import type * as protocol from '@/utils/shared/protocol';
import { REVISION_KEY } from '@/utils/shared/protocol';

const answers = vi.hoisted(() => ({ refuse: false, lookups: 0 }));
vi.mock('@/utils/shared/protocol', async (importOriginal) => {
  const real = await importOriginal<typeof protocol>();
  return {
    ...real,
    send: vi.fn(async (type: string, data: { ids?: string[] }) => {
      if (type !== 'lookup') return {};
      answers.lookups++;
      if (answers.refuse) throw new real.DocketError('Docket no longer runs on this site.', 'not-enabled');
      return { records: {} as Record<string, unknown>, ids: data.ids };
    }),
  };
});

const LINK = 'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit';
const badges = () => document.querySelectorAll('docket-badge').length;
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

beforeEach(() => {
  fakeBrowser.reset();
  answers.refuse = false;
  answers.lookups = 0;
  document.body.innerHTML = `<p><a href="${LINK}">doc</a></p>`;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the content script’s life', () => {
  it('a refused lookup (the site was disabled) removes the badges; the page still answers Scan', async () => {
    const linker = startDocket(() => true);
    await until(() => badges() === 1);
    answers.refuse = true;
    await fakeBrowser.storage.local.set({ [REVISION_KEY]: 'after-disable' });
    await until(() => badges() === 0);
    expect(linker.badgeCount).toBe(0);
    // New links get nothing either: this copy stopped watching.
    const more = document.createElement('a');
    more.href = LINK.replace('1zk8', '2zk8');
    document.body.append(more);
    await new Promise((r) => setTimeout(r, 60));
    expect(badges()).toBe(0);
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'page/info', data: {} }, {}, () => undefined);
    expect(replies).toContainEqual({ ok: true, result: { url: expect.any(String), title: expect.any(String) } });
  });

  it('a page’s look-alike of WXT’s start-up event switches nothing off while the extension is there', async () => {
    startDocket(() => true);
    await until(() => badges() === 1);
    document.dispatchEvent(
      new CustomEvent(`${fakeBrowser.runtime.id}:content:wxt:content-script-started`, {
        detail: { contentScriptName: 'content', messageId: 'forged' },
      }),
    );
    const later = document.createElement('a');
    later.href = LINK.replace('1zk8', '3zk8');
    document.body.append(later);
    await until(() => badges() === 2);
  });

  it('ends when its extension is gone: the badges go at the page’s next change', async () => {
    let alive = true;
    startDocket(() => alive);
    await until(() => badges() === 1);
    alive = false;
    document.body.append(document.createElement('p'));
    await until(() => badges() === 0);
  });
});

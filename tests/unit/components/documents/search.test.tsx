// @vitest-environment happy-dom
/**
 * The Documents view's search box: fuzzy matching and filters through DocSearch, a flat ranked
 * list while it has text (grouped when empty), ↑/↓ to move the highlight, Enter to open — in a
 * new tab with the workstream's account, closing the toolbar popup but not a popup opened as a tab.
 */
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { host, root, setUpReact } from '../../support/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { DocFilter } from '@/utils/shared/doc-order';
import type { SearchHit } from '@/utils/shared/search';
import { answerRead, localRunner } from '../../support/fake-backend';

import { DocumentList } from '@/components/documents/DocumentList';
import { FIRST_ROWS } from '@/utils/popup/first-query';
import { App } from '@/components/popup/App';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('@/utils/shared/protocol', () => protocol);

/** vi.waitFor's limit: a busy machine may be slow (its default is 1 s). */
const WAIT = { timeout: 30_000 };

const TODAY = '2020-09-08';
const WS: Workstream[] = [
  { id: 'ws-hlb', name: 'A. Possible implementation models for the Roadmap’s High-level body', account: '1' },
  { id: 'ws-imp', name: 'B. Improvements to the IGF', account: 'member@example.org' },
];
const doc = (id: string, over: Partial<DocRecord>): DocRecord => ({
  id,
  kind: 'document',
  aliases: [],
  updatedAt: '2020-08-27T14:00:00.000Z',
  ...over,
});
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const PROPOSALS = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const DOCS: DocRecord[] = [
  doc(MHLB, {
    title: 'Possible implementation models for the MHLB',
    workstreamId: 'ws-hlb',
    deadline: '2020-09-10',
    status: 'open-for-comments',
  }),
  doc(PROPOSALS, {
    title: 'Improvements to the IGF: proposals',
    workstreamId: 'ws-imp',
    deadline: '2020-09-06',
    status: 'open-for-comments',
  }),
  doc('1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms', {
    kind: 'file',
    title: 'The 58 proposals',
    workstreamId: 'ws-imp',
    deadline: '2020-09-20',
    status: 'draft',
  }),
  doc('1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4', {
    title: 'Annual proposals, delivered',
    status: 'delivered',
    deadline: '2020-08-01',
  }),
];

beforeEach(() => {
  fakeBrowser.reset();
  protocol.send.mockReset();
  protocol.sendToTab.mockReset();
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});
setUpReact();

const input = () => host.querySelector<HTMLInputElement>('input[type=search]')!;
const rowIds = () => [...host.querySelectorAll<HTMLElement>('[data-doc-id]')].map((r) => r.dataset.docId);

async function type(el: HTMLInputElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function key(el: HTMLElement, k: string) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

/** DocumentList with its filter kept in a small wrapper, like App does. */
function Harness({ onOpen, initial = '' }: { onOpen: (hit: SearchHit) => void; initial?: string }) {
  const [filter, setFilter] = useState<DocFilter>({ status: 'active', text: initial });
  return (
    <DocumentList
      run={localRunner({ documents: DOCS, workstreams: WS })}
      today={TODAY}
      focusFilter={false}
      onFilterFocused={() => undefined}
      filter={filter}
      onFilterChange={setFilter}
      onEdit={() => undefined}
      onDelete={() => undefined}
      onLink={() => undefined}
      onOpen={onOpen}
    />
  );
}
describe('search in the Documents view', () => {
  it('groups by workstream with an empty box, and lists ranked results (no groups) with text', async () => {
    const onOpen = vi.fn();
    await act(async () => root!.render(<Harness onOpen={onOpen} />));
    expect(host.querySelectorAll('.doc-group')).toHaveLength(2);
    expect(host.querySelector('label[for="' + input().id + '"]')!.textContent).toBe('Filter documents');
    expect(host.querySelector('#' + CSS.escape(input().getAttribute('aria-describedby')!))!.textContent).toMatch(
      /overdue.*due:week.*ws:.*status:/,
    );

    // Fuzzy: a letter missing ("implmentation") still matches.
    await type(input(), 'implmentation mdels');
    expect(host.querySelectorAll('.doc-group')).toHaveLength(0);
    expect(rowIds()).toEqual([MHLB]);
    expect(host.textContent).toContain('1 match.');
  });

  it.each<[string, string[]]>([
    ['proposals', [PROPOSALS, '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms']],
    ['overdue', [PROPOSALS]],
    ['due:week', [MHLB]],
    ['due:14', [MHLB, '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms']],
    ['ws:improvements', [PROPOSALS, '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms']],
    ['status:draft', ['1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms']],
    // The Status list (Active) hides delivered ones, unless the box says status:.
    ['annual', []],
    ['status:delivered', ['1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4']],
  ])('"%s"', async (q, ids) => {
    await act(async () => root!.render(<Harness onOpen={vi.fn()} />));
    await type(input(), q);
    expect(rowIds()).toEqual(ids);
    if (!ids.length) expect(host.textContent).toMatch(/No (active )?documents match\./);
  });

  it('says how many more match in statuses the Status list hides; Alt+A (or the button) shows them', async () => {
    await act(async () => root!.render(<Harness onOpen={vi.fn()} />));
    const count = () => host.querySelector('.result-count')!.textContent;
    // Only a delivered document matches: nothing is hidden silently.
    await type(input(), 'annual');
    expect(rowIds()).toEqual([]);
    expect(count()).toContain('No active documents match. 1 match in other statuses.');
    // One of two: "1 match" and one more elsewhere.
    await type(input(), 'proposals');
    expect(rowIds()).toEqual([PROPOSALS, '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms']);
    expect(count()).toContain('2 matches. 1 more in other statuses.');
    const status = host.querySelector<HTMLSelectElement>('select')!;
    expect(status.value).toBe('active');
    await act(async () => {
      input().dispatchEvent(
        new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', altKey: true, bubbles: true, cancelable: true }),
      );
    });
    expect(status.value).toBe('all');
    expect(rowIds()).toEqual(['1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4', PROPOSALS, '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms']);
    expect(count()).toBe('3 matches.');
    expect(host.querySelector('.result-count button')).toBeNull();
  });

  it('the button shows them too, and a status: in the box hides nothing', async () => {
    await act(async () => root!.render(<Harness onOpen={vi.fn()} initial="annual" />));
    const button = host.querySelector<HTMLButtonElement>('.result-count button')!;
    expect(button.textContent).toBe('Show them');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+A');
    await act(async () => button.click());
    expect(rowIds()).toEqual(['1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4']);
    await type(input(), 'status:draft proposals');
    expect(host.querySelector('.result-count')!.textContent).toBe('1 match.');
  });

  it('moves the highlight with the arrow keys and opens it with Enter', async () => {
    const onOpen = vi.fn();
    await act(async () => root!.render(<Harness onOpen={onOpen} initial="proposals" />));
    const box = input();
    const active = () =>
      host.querySelector('#' + CSS.escape(box.getAttribute('aria-activedescendant')!))?.getAttribute('data-doc-id');
    expect(box.getAttribute('aria-controls')).toBe(host.querySelector('ul.results')!.id);
    expect(active()).toBe(PROPOSALS);
    await key(box, 'ArrowDown');
    expect(active()).toBe('1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms');
    await key(box, 'ArrowDown'); // stays on the last
    expect(active()).toBe('1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms');
    expect(host.querySelectorAll('.doc-row.active')).toHaveLength(1);
    await key(box, 'Enter');
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0]![0].doc.id).toBe('1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms');
    expect(onOpen.mock.calls[0]![0].workstream.id).toBe('ws-imp');
    await key(box, 'ArrowUp');
    await key(box, 'Enter');
    expect(onOpen.mock.calls[1]![0].doc.id).toBe(PROPOSALS);
    // A new query highlights its first result again.
    await type(box, 'mhlb');
    expect(active()).toBe(MHLB);
  });

  it('Enter with an empty box or no match opens nothing', async () => {
    const onOpen = vi.fn();
    await act(async () => root!.render(<Harness onOpen={onOpen} />));
    await key(input(), 'Enter');
    await type(input(), 'zzzzqqq');
    await key(input(), 'Enter');
    expect(onOpen).not.toHaveBeenCalled();
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('rows open documents with their workstream’s account', async () => {
    await act(async () => root!.render(<Harness onOpen={vi.fn()} />));
    const open = host.querySelector<HTMLAnchorElement>(`[data-doc-id="${MHLB}"] a.button-like`)!;
    expect(open.href).toBe(`https://docs.google.com/document/u/1/d/${MHLB}/edit`);
  });
});

describe('the popup opens the chosen result', () => {
  function backend(over: Record<string, unknown> = {}) {
    protocol.send.mockImplementation(async (type: string, data: unknown) => {
      if (type in over) return over[type];
      const read = answerRead({ documents: DOCS, workstreams: WS }, type, data);
      if (read !== undefined) return read;
      if (type === 'status/get') return {};
      if (type === 'subscriptions/list') return { subscriptions: [] };
      throw new Error(`unexpected ${type}`);
    });
    protocol.sendToTab.mockRejectedValue(new Error('no content script'));
  }

  async function renderApp(search: string, currentTab: unknown) {
    window.history.replaceState(null, '', `/popup.html${search}`);
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(currentTab as never);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await act(async () => root!.render(<App />));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    return { create, close };
  }

  it('?q= prefills the box; Enter opens the best match with its account and closes the toolbar popup', async () => {
    backend();
    const { create, close } = await renderApp('?q=mhlb', undefined);
    expect(input().value).toBe('mhlb');
    expect(document.activeElement).toBe(input());
    expect(rowIds().filter((id) => id === MHLB)).toHaveLength(1);
    await key(input(), 'Enter');
    expect(create).toHaveBeenCalledWith({ url: `https://docs.google.com/document/u/1/d/${MHLB}/edit` });
    expect(close).toHaveBeenCalled();
  });

  it('does not close a popup opened as a tab', async () => {
    backend();
    const { create, close } = await renderApp('?q=proposals', { id: 5 });
    await key(input(), 'Enter');
    expect(create).toHaveBeenCalledWith({
      url: `https://docs.google.com/document/d/${PROPOSALS}/edit?authuser=member%40example.org`,
    });
    expect(close).not.toHaveBeenCalled();
  });
});

describe('a year of documents', () => {
  function Many({ documents }: { documents: DocRecord[] }) {
    const [filter, setFilter] = useState<DocFilter>({ text: '', status: 'all' });
    return (
      <DocumentList
        run={localRunner({ documents, workstreams: WS })}
        today={TODAY}
        focusFilter={false}
        onFilterFocused={() => undefined}
        filter={filter}
        onFilterChange={setFilter}
        onEdit={() => undefined}
        onDelete={() => undefined}
        onLink={() => undefined}
        onOpen={() => undefined}
      />
    );
  }

  it('draws a screenful of rows first and the rest of the first 200 after that frame is painted', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      doc(`1many${String(i).padStart(28, '0')}`, {
        title: `Document ${i}`,
        workstreamId: i % 2 ? 'ws-hlb' : 'ws-imp',
        deadline: '2020-10-01',
      }),
    );
    await act(async () => root!.render(<Many documents={many} />));
    const first = rowIds();
    expect(first).toHaveLength(FIRST_ROWS);
    await vi.waitFor(async () => {
      await act(() => new Promise((r) => setTimeout(r, 20)));
      expect(rowIds()).toHaveLength(200);
    }, WAIT);
    const all = rowIds();
    expect(all.slice(0, FIRST_ROWS)).toEqual(first);
  });

  it('draws 200 rows at first, says how many more there are, and draws more on request', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      doc(`1many${String(i).padStart(28, '0')}`, {
        title: `Document ${i}`,
        workstreamId: i % 2 ? 'ws-hlb' : 'ws-imp',
        deadline: '2020-10-01',
      }),
    );
    await act(async () => root!.render(<Many documents={many} />));
    await vi.waitFor(async () => {
      await act(() => new Promise((r) => setTimeout(r, 20)));
      expect(rowIds()).toHaveLength(200);
    }, WAIT);
    // Group headings still count every document.
    expect([...host.querySelectorAll('.group-count')].map((c) => c.textContent?.replace(/\D+/g, ''))).toEqual(['225', '225']);
    const more = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show'))!;
    expect(more.textContent).toBe('Show 200 more of 250 not shown');
    await act(async () => more.click());
    expect(rowIds()).toHaveLength(400);
    await act(async () => [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show'))!.click());
    expect(rowIds()).toHaveLength(450);
    expect([...host.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Show'))).toBe(false);
  });
});

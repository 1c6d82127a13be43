// @vitest-environment happy-dom
/**
 * The popup's first screen drawn with plain DOM from the kept answer (utils/popup/first-screen.ts,
 * draw-row.ts): the same DOM as React's first commit for that answer (so that React replacing it
 * changes nothing on screen), text never parsed as HTML, inert but for its search box, and React
 * taking over with what was typed there.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { host, root, setUpReact, startRoot } from '../../support/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { DocsPage, DocsQuery } from '@/utils/shared/docs-query';
import { drawFirstScreen, forgetEarly, showFirstScreen, typedEarly } from '@/utils/popup/first-screen';
import { offerKept } from '@/utils/popup/early';
import { FIRST_QUERY, FIRST_ROWS } from '@/utils/popup/first-query';
import { App } from '@/components/popup/App';
import { answerRead } from '../../support/fake-backend';
import type { TestIndex } from '../../support/fake-backend';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('@/utils/shared/protocol', () => protocol);

const TODAY = '2020-09-08';
const Q: DocsQuery = { ...FIRST_QUERY, today: TODAY };
const WS: Workstream[] = [
  { id: 'ws-a', name: 'A. Access', color: '#8250df', account: 'member@example.org' },
  { id: 'ws-b', name: 'B. <b>Bold</b> & co', color: '#1a7f37' },
  { id: 'ws-c', name: 'C. No colour' },
  { id: 'ws-z', name: 'Z. Many' },
];

const id = (i: number) => `1doc${String(i).padStart(4, '0')}aaaaaaaaaaaaaaaaaaa`;
const base = (i: number, extra: Partial<DocRecord> = {}): DocRecord => ({
  id: id(i),
  kind: 'document',
  aliases: [],
  title: `Document ${i}`,
  deadline: `2020-${String(10 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  status: 'draft',
  updatedAt: '2020-09-01T00:00:00.000Z',
  ...extra,
});

/** Every part a row can have, in the first rows (the earliest deadlines come first), then many plain rows in the last group. */
function richIndex(plain: number): TestIndex {
  const special: DocRecord[] = [
    base(1, { workstreamId: 'ws-a', deadline: '2020-09-01', deadlineNote: 'Comments by the end of the day' }),
    base(2, { workstreamId: 'ws-a', deadline: '2020-09-08', kind: 'spreadsheet', status: 'open-for-comments' }),
    base(3, { workstreamId: 'ws-a', deadline: '2020-09-10', title: undefined, url: 'https://docs.google.com/document/d/x/edit' }),
    base(4, {
      workstreamId: 'ws-b',
      deadline: '2020-09-02',
      source: 'https://www.intgovforum.org/en/content/minutes-24',
      sourceTitle: 'MAG Working Group — minutes',
      sourceDate: '2020-09-01',
      deadlineSource: 'Next steps: by 2 September, comments on the draft.',
    }),
    base(5, { workstreamId: 'ws-b', deadline: '2020-09-03', source: 'https://example.org/page', status: 'final' }),
    base(6, { workstreamId: 'ws-b', deadline: '2020-09-04', deadlineSource: 'By 4 September.', status: undefined }),
    base(7, {
      workstreamId: 'ws-c',
      deadline: '2020-09-05',
      subscriptionId: 'sub-1',
      syncConflicts: [
        { field: 'status', theirs: 'final', subscriptionId: 'sub-1', at: '2020-09-02T00:00:00.000Z' },
        { field: 'deadline', theirs: undefined, subscriptionId: 'sub-1', at: '2020-09-02T00:00:00.000Z' },
      ],
    }),
    base(8, { deadline: '2020-09-06', title: '<img src=x onerror="alert(1)"> & <script>' }),
    base(9, { deadline: undefined, kind: 'folder' }),
    base(10, { workstreamId: 'ws-gone', deadline: '2020-09-07' }),
  ];
  const rest = Array.from({ length: plain }, (_, k) => base(100 + k, { workstreamId: 'ws-z' }));
  return { documents: [...special, ...rest], workstreams: WS };
}

function answer(index: TestIndex, q: DocsQuery = Q): DocsPage {
  return { ...(answerRead(index, 'docs/query', q) as DocsPage), revision: 'r1' };
}

/**
 * What the member sees of a `.app`: elements, attributes and text (adjacent text nodes joined), the
 * values of the fields; ids replaced by their order of first appearance (React's useId makes its own),
 * hidden panels, `data-early` and `inert` left out.
 */
function shape(app: Element): string {
  const clone = app.cloneNode(true) as Element;
  clone.querySelectorAll('[hidden]').forEach((el) => el.remove());
  clone.normalize();
  const ids = new Map<string, string>();
  for (const el of [clone, ...clone.querySelectorAll('[id]')]) {
    const v = el.getAttribute('id');
    if (v && !ids.has(v)) ids.set(v, `#${ids.size}`);
  }
  const REFS = new Set(['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls']);
  const originals = [app, ...app.querySelectorAll('*')].filter((el) => !el.closest('[hidden]'));
  let k = 0;
  const out = (n: Node, depth: number): string => {
    const pad = '  '.repeat(depth);
    if (n.nodeType === 3) return `${pad}${JSON.stringify(n.textContent)}\n`;
    if (n.nodeType !== 1) return '';
    const el = n as Element;
    const original = originals[k++] as HTMLInputElement | undefined;
    const attrs = [...el.attributes]
      .filter((a) => !['value', 'selected', 'data-early', 'inert'].includes(a.name))
      .map((a) => `${a.name}=${JSON.stringify(REFS.has(a.name) ? a.value.replace(/\S+/g, (t) => ids.get(t) ?? t) : a.value)}`)
      .sort();
    if (original && 'value' in original && /^(INPUT|SELECT)$/.test(el.tagName))
      attrs.push(`:value=${JSON.stringify(original.value)}`);
    return `${pad}<${el.tagName.toLowerCase()} ${attrs.join(' ')}>\n${[...el.childNodes].map((c) => out(c, depth + 1)).join('')}`;
  };
  return out(clone, 0);
}

beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  protocol.send.mockReset().mockReturnValue(new Promise(() => undefined));
  protocol.sendToTab.mockReset().mockRejectedValue(new Error('no content script'));
  vi.spyOn(browser.tabs, 'query').mockReturnValue(new Promise(() => undefined) as never);
  vi.spyOn(browser.tabs, 'getCurrent').mockReturnValue(new Promise(() => undefined) as never);
  window.history.replaceState(null, '', '/popup.html');
});
afterEach(() => {
  forgetEarly();
  vi.useRealTimers();
});
setUpReact({ id: 'root', lazyRoot: true });

/** React's first commit for the kept answer `page` (nothing else has answered yet). */
function reactFirstCommit(page: DocsPage): Element {
  vi.useFakeTimers({ now: new Date(`${TODAY}T12:00:00`), toFake: ['Date'] });
  offerKept(Q, page);
  startRoot();
  act(() => root!.render(<App />));
  return host.querySelector('.app')!;
}

describe('the first screen drawn from the kept answer', () => {
  it.each<[string, TestIndex]>([
    ['every part of a row, several groups, more rows and groups than the first screen holds', richIndex(260)],
    ['a few documents, nothing overdue', { documents: [base(1), base(2, { workstreamId: 'ws-a' })], workstreams: WS }],
    ['one document', { documents: [base(1, { deadline: '2020-09-30', status: 'final' })], workstreams: [] }],
  ])('is the DOM React first draws for it: %s', (_, index) => {
    const page = answer(index);
    const early = drawFirstScreen(page, TODAY)!;
    expect(early).not.toBeNull();
    const react = reactFirstCommit(page);
    expect(react.querySelectorAll('li[data-doc-id]').length).toBe(Math.min(FIRST_ROWS, page.rows.length));
    expect(shape(early)).toBe(shape(react));
  });

  it('covers every part of a row in that comparison', () => {
    const early = drawFirstScreen(answer(richIndex(260)), TODAY)!;
    for (const part of [
      '.doc-note',
      '.status-pill',
      '.urgency-icon',
      '.doc-relative',
      '.source-from a[href^="https://www.intgovforum.org/"]',
      '.source-quote[cite]',
      '.doc-sheet',
      '.sync-flag[data-sync-field="status"] .sync-flag-actions button',
      'a.button-like[href*="authuser=member%40example.org"], a.button-like[href*="member@example.org"]',
      '.more-rows',
      '.summary.has-overdue',
    ])
      expect(early.querySelector(part), part).not.toBeNull();
    expect(early.querySelectorAll('li[data-doc-id]')).toHaveLength(FIRST_ROWS);
  });

  it('puts text in as text: markup in a title or a workstream name is never parsed', () => {
    const early = drawFirstScreen(answer(richIndex(0)), TODAY)!;
    expect(early.querySelector('img, script, b')).toBeNull();
    expect(early.querySelector(`[data-doc-id="${id(8)}"] .doc-title`)!.textContent).toBe(
      '<img src=x onerror="alert(1)"> & <script>',
    );
    expect(early.textContent).toContain('B. <b>Bold</b> & co');
  });

  it.each<[string, DocsPage]>([
    ['an empty index', { ...answer({ documents: [], workstreams: [] }) }],
    ['no active documents', { ...answer({ documents: [base(1, { status: 'delivered' })], workstreams: [] }) }],
  ])('is nothing for %s (React says so itself)', (_, page) => {
    expect(drawFirstScreen(page, TODAY)).toBeNull();
  });
});

describe('the early screen on show', () => {
  it('is inert except its search box, which is focused and hands over what was typed', () => {
    expect(typedEarly()).toBeNull();
    showFirstScreen(host, drawFirstScreen(answer(richIndex(20)), TODAY)!);
    const app = host.querySelector('.app')!;
    expect(app.hasAttribute('data-early')).toBe(true);
    const box = host.querySelector<HTMLInputElement>('input[type=search]')!;
    expect(document.activeElement).toBe(box);
    expect(box.closest('[inert]')).toBeNull();
    for (const el of host.querySelectorAll('li, button, a, select, h1, [role=tab], input[type=url]'))
      expect(el.closest('[inert]'), el.outerHTML.slice(0, 80)).not.toBeNull();
    expect(typedEarly()).toBe('');
    box.value = 'road';
    expect(typedEarly()).toBe('road');
    forgetEarly();
    expect(typedEarly()).toBeNull();
  });
});

describe('React taking over', () => {
  it('replaces the early screen in its first commit, with what was typed in the box', async () => {
    const page = answer(richIndex(20));
    offerKept(Q, page);
    showFirstScreen(host, drawFirstScreen(page, TODAY)!);
    host.querySelector<HTMLInputElement>('input[type=search]')!.value = 'Document 1';
    startRoot();
    await act(async () => root!.render(<App />));
    expect(host.querySelector('[data-early]')).toBeNull();
    expect(host.querySelectorAll('.app')).toHaveLength(1);
    expect(host.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('Document 1');
    expect(typedEarly()).toBeNull();
  });

  it('starts with an empty box when nothing was shown early', async () => {
    startRoot();
    await act(async () => root!.render(<App />));
    expect(host.querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('');
  });
});

describe('when React cannot be loaded', () => {
  it('says so in place of the early screen, as text', async () => {
    const { showStartFailure } = await import('@/utils/popup/popup-start');
    showFirstScreen(host, drawFirstScreen(answer(richIndex(2)), TODAY)!);
    showStartFailure(host, new Error('Failed to fetch dynamically imported module: <b>mount.js</b>'));
    expect(host.querySelector('[data-doc-id]')).toBeNull();
    expect(host.querySelector('[role="alert"]')?.textContent).toMatch(
      /^Docket could not start \(Failed to fetch dynamically imported module: <b>mount\.js<\/b>\)\. Close it and open it again/,
    );
    expect(host.querySelector('b')).toBeNull();
  });
});

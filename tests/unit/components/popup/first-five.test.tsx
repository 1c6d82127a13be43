// @vitest-environment happy-dom
/**
 * Issue 25, the first five minutes: the empty popup's ways to start, joining a group's index (the permission
 * asked inside the click, the first sync's result), a `?join=` link that only fills the address in (a page can
 * never subscribe a member by itself), the coordinator's check of a published link.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { button, host, labelled, render, setUpReact, setValue, tick } from '../../support/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { Subscription } from '@/utils/shared/reports';
import { GettingStarted, JoinForm } from '@/components/popup/GettingStarted';
import { SharePanel } from '@/components/team/SharePanel';

const protocol = vi.hoisted(() => ({ send: vi.fn(), sendToTab: vi.fn(), REVISION_KEY: 'docket:revision' }));
vi.mock('@/utils/shared/protocol', () => protocol);

const URL_CSV = 'https://docs.google.com/spreadsheets/d/e/2PACX-1/pub?output=csv';
const counts = (added: number) => ({ added, updated: 0, unchanged: 0, refused: 0 });
const SUB: Subscription = {
  id: 's1',
  url: URL_CSV,
  name: 'WG-Strategy',
  createdAt: '2026-12-07T12:00:00Z',
  lastSuccessAt: '2026-12-07T12:00:00Z',
  lastReport: { documents: counts(32), workstreams: counts(6) },
};

beforeEach(() => {
  fakeBrowser.reset();
  protocol.send.mockReset();
});
setUpReact();

async function submit(form: HTMLFormElement) {
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await tick();
}

describe('GettingStarted', () => {
  it('offers the ways to start, the group’s first; Scan only where the page can be read', async () => {
    const noop = () => undefined;
    await render(
      <GettingStarted canScan={false} onJoined={noop} onImport={noop} onAddLink={noop} onSample={noop} onHelp={noop} />,
    );
    const names = [...host.querySelectorAll('h2, button')].map((b) => b.textContent);
    expect(names.indexOf('Join your group’s index')).toBeLessThan(names.indexOf('Import a file'));
    expect(names).toEqual(
      expect.arrayContaining(['Join', 'Import a file', 'Add a document by its link', 'Try it with sample data']),
    );
    expect(names).not.toContain('Scan the minutes on this page');
    await render(<GettingStarted canScan onScan={noop} onJoined={noop} onImport={noop} />);
    expect(button(/Scan the minutes on this page/)).toBeTruthy();
  });
});

describe('JoinForm', () => {
  it('asks for the sheet’s site inside the click, subscribes, and hands over the first sync', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    protocol.send.mockResolvedValue({ subscription: SUB });
    const onJoined = vi.fn();
    await render(<JoinForm onJoined={onJoined} />);
    await setValue(labelled('Link from your coordinator'), URL_CSV);
    await submit(host.querySelector('form')!);
    expect(request).toHaveBeenCalledWith({ origins: ['https://docs.google.com/*', 'https://*.googleusercontent.com/*'] });
    expect(protocol.send).toHaveBeenCalledWith('subscriptions/add', { url: URL_CSV, name: '' });
    expect(onJoined).toHaveBeenCalledWith(SUB);
  });

  it('a ?join= address is only filled in: nothing is asked or subscribed until the member presses Join', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    protocol.send.mockResolvedValue({ subscription: SUB });
    const onJoined = vi.fn();
    await render(<JoinForm initialUrl={URL_CSV} onJoined={onJoined} />);
    await tick();
    expect(labelled('Link from your coordinator').value).toBe(URL_CSV);
    expect(request).not.toHaveBeenCalled();
    expect(protocol.send).not.toHaveBeenCalled();
    expect(onJoined).not.toHaveBeenCalled();
    await act(async () => button(/^Join$/).click());
    await tick();
    expect(request).toHaveBeenCalledTimes(1);
    expect(onJoined).toHaveBeenCalledWith(SUB);
  });

  it('says so when the member refuses access, and when the first sync fails', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    const onJoined = vi.fn();
    await render(<JoinForm onJoined={onJoined} />);
    await setValue(labelled('Link from your coordinator'), URL_CSV);
    await submit(host.querySelector('form')!);
    expect(host.textContent).toContain('Docket was not given access to docs.google.com');
    expect(protocol.send).not.toHaveBeenCalled();

    vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    protocol.send.mockResolvedValue({ subscription: { ...SUB, lastReport: undefined, lastError: 'HTTP 404' } });
    await setValue(labelled('Link from your coordinator'), URL_CSV);
    await submit(host.querySelector('form')!);
    expect(host.textContent).toContain('Joined “WG-Strategy”, but the first sync failed: HTTP 404');
  });

  it('refuses an empty or non-web address without asking anything', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    await render(<JoinForm onJoined={() => undefined} />);
    await setValue(labelled('Link from your coordinator'), 'javascript:alert(1)');
    await submit(host.querySelector('form')!);
    expect(request).not.toHaveBeenCalled();
    expect(host.textContent).toContain('That is not a web address');
  });
});

describe('SharePanel', () => {
  it('writes the CSV through the export, then checks the published link and gives the text to send', async () => {
    // The export answers its name, then its text in pieces (export/piece).
    protocol.send.mockImplementation(async (type: string) =>
      type === 'export/piece'
        ? { chunk: 'url\n', last: true }
        : { exportId: 'ex-1', filename: 'docket.csv', mime: 'text/csv', documents: 0 },
    );
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    await render(
      <SharePanel
        workstreams={[{ id: 'ws-a', name: 'A' }]}
        onError={(e) => {
          throw e;
        }}
      />,
    );
    await act(async () => button(/Download the CSV/).click());
    expect(protocol.send).toHaveBeenCalledWith('export', { format: 'csv' });
    expect(protocol.send).toHaveBeenCalledWith('export/piece', { exportId: 'ex-1', index: 0 });

    vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        new Response('<!DOCTYPE html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      );
    vi.stubGlobal('fetch', fetchMock);
    await setValue(labelled('Published link'), 'https://docs.google.com/spreadsheets/d/e/2PACX-1/pubhtml');
    await submit(host.querySelector('form')!);
    await tick();
    expect(host.textContent).toContain('“pubhtml” link');
    expect(host.querySelector('textarea')).toBeNull();

    fetchMock.mockResolvedValueOnce(new Response('url,title\nhttps://docs.google.com/document/d/abc/edit,A\n', { status: 200 }));
    await setValue(labelled('Published link'), URL_CSV);
    await submit(host.querySelector('form')!);
    await tick();
    expect(host.textContent).toContain('It reads as Docket’s CSV: 1 row, columns url, title');
    expect(host.querySelector('textarea')!.value).toBe(
      `Install Docket, then paste this link in “Join your group’s index”: ${URL_CSV}`,
    );
    // The join link for the group's own pages (utils/shared/join-link.ts).
    expect(labelled('A join link for your group’s pages').value).toBe(
      `<a href="${URL_CSV}#docket-join">Join our group’s index in Docket</a>`,
    );
    vi.unstubAllGlobals();
  });

  it('names a link that redirects where Docket may not read (Google’s sign-in page) as not published', async () => {
    await render(<SharePanel workstreams={[]} onError={(e) => Promise.reject(e)} />);
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    // Followed, the redirect fails as no answer would; not followed, it is an opaque redirect.
    const fetchMock = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce({ type: 'opaqueredirect', status: 0 });
    vi.stubGlobal('fetch', fetchMock);
    await setValue(labelled('Published link'), 'https://docs.google.com/spreadsheets/d/abc/edit');
    await submit(host.querySelector('form')!);
    await tick();
    expect(fetchMock).toHaveBeenLastCalledWith(
      'https://docs.google.com/spreadsheets/d/abc/edit',
      expect.objectContaining({ redirect: 'manual' }),
    );
    expect(host.textContent).toContain('That link leads to a Google sign-in page');
    vi.unstubAllGlobals();
  });
});

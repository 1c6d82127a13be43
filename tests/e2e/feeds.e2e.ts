/**
 * Issue 13, items 7–10, end to end: a feed server that renames the member's workstreams and
 * overwrites their documents, redirects to a site Docket may not read, stalls, cuts its body and
 * sends more than Docket reads. The built extension in Chromium subscribes to it like a member
 * would (feeds.intgovforum.org is a default site, so no permission prompt is needed; evil.example
 * is not, and Docket holds no permission for it).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, badgeAfter, importThroughPopup, startDocket, type Docket } from './support/harness';

declare const chrome: any;

const FEEDS = 'feeds.intgovforum.org';
const EVIL = 'evil.example';
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const NEW_DOC = '1FeedOnlyDocumentForTheTrustTests000000000';
const HLB = 'A. Possible implementation models for the Roadmap’s High-level body';
const MB = 1024 * 1024;

/** Bytes the server managed to send for each path (the browser stopped reading long before the end?). */
const sent = new Map<string, number>();
let feedServer: Server;
const open = new Set<ServerResponse>();

/** Write `chunk` until the client goes away or `limit` bytes are out. */
function pour(res: ServerResponse, path: string, limit: number): void {
  const chunk = Buffer.alloc(256 * 1024, 'a');
  let out = 0;
  const more = () => {
    while (out < limit && !res.destroyed) {
      out += chunk.length;
      sent.set(path, out);
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => sent.set(path, out));
  more();
}

function startFeeds(): Promise<number> {
  feedServer = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const host = (req.headers.host ?? '').split(':')[0];
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const csv = (body: string) => res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
    if (host === EVIL) {
      // It lets any page read it (CORS), so only Docket's own check stands in the way.
      res.setHeader('access-control-allow-origin', '*');
      csv(`url,title,workstream,deadline\nhttps://docs.google.com/document/d/${MHLB}/edit,From evil,Z. Evil,2040-01-01\n`);
      return;
    }
    switch (path) {
      case '/rename.json':
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            format: 'docket-index',
            version: 1,
            workstreams: [{ id: 'ws-hlb', name: 'Renamed by the feed', color: '#ff0000', account: 'someone@example.org' }],
            documents: [
              { id: MHLB, title: 'Overwritten by the feed', deadline: '2031-01-01', workstreamId: 'ws-hlb' },
              { id: NEW_DOC, title: 'Only in the feed', workstreamId: 'ws-hlb', deadline: '2031-02-01' },
            ],
          }),
        );
        return;
      case '/redirect.csv':
        res.writeHead(302, { location: `http://${EVIL}/rows.csv` }).end();
        return;
      case '/huge.csv':
        // Announces 4 GiB.
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(4 * 1024 * MB) });
        pour(res, path, 64 * MB);
        return;
      case '/endless.csv':
        // No length announced: chunked, far past 20 MB if nobody stops reading.
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('url,title\n');
        pour(res, path, 256 * MB);
        return;
      case '/stall.csv':
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('url,title\n');
        return; // …and nothing more, ever.
      case '/cut.csv':
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '10000' });
        res.write(`url,title\nhttps://docs.google.com/document/d/${NEW_DOC}/edit,half a sheet\n`);
        setTimeout(() => res.socket?.destroy(), 50);
        return;
      case '/good.csv':
        csv(
          `url,title,workstream,deadline\nhttps://docs.google.com/document/d/${NEW_DOC}/edit,Only in the feed,${HLB},2031-02-01\n`,
        );
        return;
      default:
        res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => feedServer.listen(0, '127.0.0.1', () => resolve((feedServer.address() as AddressInfo).port)));
}

let docket: Docket;
let popup: Page;
const call = async (type: string, data: unknown) => {
  const reply = await popup.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);
  if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
  return reply.result;
};
const feed = (path: string) => `http://${FEEDS}${path}`;
const subscribe = async (path: string) => (await call('subscriptions/add', { url: feed(path), name: path })).subscription;

beforeAll(async () => {
  const port = await startFeeds();
  docket = await startDocket({}, {}, {}, { [FEEDS]: port, [EVIL]: port });
  popup = await docket.popup();
  await importThroughPopup(popup, SAMPLE_INDEX);
});
afterAll(async () => {
  await docket?.close();
  for (const res of open) res.destroy();
  await new Promise((r) => feedServer?.close(r));
});

describe('a feed cannot cost the member an edit or the history to undo it', () => {
  it('item 7: a feed that renames a workstream and overwrites the member’s document changes neither; it adds its own', async () => {
    const minutes = await docket.context.newPage();
    await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
    const badge = badgeAfter(minutes, `a[href*="${MHLB}"]`).first();
    await expect.poll(() => badge.getAttribute('data-docket-deadline'), { timeout: 15_000 }).toBe('2020-09-10');

    const sub = await subscribe('/rename.json');
    expect(sub.lastError).toBeUndefined();
    const { workstreams } = await call('workstreams/list', {});
    expect(workstreams.find((w: { id: string }) => w.id === 'ws-hlb')).toMatchObject({ name: HLB });
    expect(workstreams.find((w: { id: string }) => w.id === 'ws-hlb').account).toBeUndefined();
    const mhlb = (await call('doc/get', { id: MHLB })).doc;
    expect(mhlb).toMatchObject({ deadline: '2020-09-10', title: 'Possible implementation models for the MHLB' });
    expect(mhlb.syncConflicts.map((c: { field: string }) => c.field).sort()).toEqual(['deadline', 'title']);
    expect((await call('doc/get', { id: NEW_DOC })).doc).toMatchObject({ title: 'Only in the feed', subscriptionId: sub.id });
    expect(sub.proposals.map((p: { field: string }) => p.field)).toEqual(['name', 'color', 'account']);
    // The open page: the member's values still.
    expect(await badge.getAttribute('data-docket-workstream')).toBe(HLB);
    expect(await badge.getAttribute('data-docket-deadline')).toBe('2020-09-10');
    await minutes.close();
  });

  it('item 8: syncs that change nothing take no snapshot', async () => {
    const before = (await call('snapshots/list', {})).snapshots.length;
    const sub = (await call('subscriptions/list', {})).subscriptions.find((s: { url: string }) => s.url.endsWith('/rename.json'));
    for (let i = 0; i < 3; i++) {
      const [synced] = (await call('subscriptions/sync', { id: sub.id })).subscriptions;
      expect(synced.lastSuccessAt).toBe(synced.lastAttemptAt);
    }
    expect((await call('snapshots/list', {})).snapshots.length).toBe(before);
  });
});

describe('a feed is read within limits and only from sites the member allowed', () => {
  it('item 10: a redirect to a site without permission imports nothing, and names that site', async () => {
    const sub = await subscribe('/redirect.csv');
    expect(sub.lastError).toMatch(/feeds\.intgovforum\.org sent Docket on to evil\.example/);
    expect(sub.needsOrigin).toBe('http://evil.example/*');
    expect((await call('doc/get', { id: MHLB })).doc.title).not.toBe('From evil');
  });

  it.each<[string, RegExp]>([
    ['/huge.csv', /larger than 20 MB/],
    ['/endless.csv', /larger than 20 MB/],
    ['/cut.csv', /connection to feeds\.intgovforum\.org was cut/],
  ])('item 9: %s fails, recorded with its attempt, and the browser stops reading', async (path, error) => {
    const sub = await subscribe(path);
    expect(sub.lastError).toMatch(error);
    expect(sub.lastAttemptAt).toBeTruthy();
    expect(sub.lastSuccessAt).toBeUndefined();
    // Reading stops: far less than the endless body's 256 MB is sent. How far past the 20 MB limit the server's
    // writes get before the cancel lands depends on the machine's load (42 MB was seen at load 6), so the bound is wide.
    if (sent.has(path)) expect(sent.get(path)!).toBeLessThan(path === '/endless.csv' ? 128 * MB : 40 * MB);
  });

  it('item 9: a body that stalls is given up and recorded; on the hourly path one failing feed does not stop the next', async () => {
    const stalled = await subscribe('/stall.csv');
    expect(stalled.lastError).toMatch(/feeds\.intgovforum\.org stopped sending the sheet/);
    const good = await subscribe('/good.csv');
    expect(good.lastError).toBeUndefined();
    // What the hourly alarm runs: every subscription, each recording its own outcome.
    const all = (await call('subscriptions/sync', {})).subscriptions as Array<{
      url: string;
      lastError?: string;
      lastAttemptAt?: string;
    }>;
    expect(all.map((s) => new URL(s.url).pathname).sort()).toEqual(
      ['/cut.csv', '/endless.csv', '/good.csv', '/huge.csv', '/redirect.csv', '/rename.json', '/stall.csv'].sort(),
    );
    expect(all.every((s) => s.lastAttemptAt)).toBe(true);
    expect(all.find((s) => s.url.endsWith('/good.csv'))!.lastError).toBeUndefined();
    expect(all.find((s) => s.url.endsWith('/stall.csv'))!.lastError).toMatch(/stopped sending/);
  }, 120_000);
});

/**
 * Issue 13, items 7–10: no sync, however wrong the sheet, costs the member an edit or the history
 * to undo it; a feed is read with limits and only from the origins the member allowed.
 */
import 'fake-indexeddb/auto';
import { beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import { getIndex, getMeta, listSnapshots, writeAll } from '@/utils/background/db/store';
import {
  fetchSubscription,
  runMerge,
  syncSubscription,
  type FeedResponse,
  type Fetcher,
  type Journal,
} from '@/utils/background/sync';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { Subscription } from '@/utils/shared/reports';

const SHEET_URL = 'https://www.intgovforum.org/wg-strategy/index.csv';
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const HEADER = 'url,title,workstream,deadline,status,notes';
const row = (id: string, title: string, ws: string, deadline: string, status = 'open for comments', notes = '') =>
  `https://docs.google.com/document/d/${id}/edit,${title},${ws},${deadline},${status},${notes}`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const sub: Subscription = { id: 'sub-wg', url: SHEET_URL, name: 'WG-Strategy sheet', createdAt: '2020-09-01T00:00:00.000Z' };

let db: DocketDB;
let n = 0;
let body: string;
let contentType = 'text/csv';
const fetcher: Fetcher = {
  allowed: async () => true,
  fetch: async () => response(body),
};
function response(text: string, extra: Partial<FeedResponse> = {}): FeedResponse {
  return {
    ok: true,
    status: 200,
    statusText: 'OK',
    contentType,
    url: SHEET_URL,
    contentLength: null,
    body: new Response(text).body,
    ...extra,
  };
}
const journal: Journal = { begin: vi.fn(async () => undefined), end: vi.fn(async () => undefined) };
let clock = 0;
const at = () => new Date(Date.UTC(2020, 8, 1, 10, clock++)).toISOString();
const deps = (extra: Partial<Parameters<typeof syncSubscription>[1]> = {}) => ({
  db,
  fetcher,
  journal,
  now: at(),
  newId: () => `op-${clock}`,
  ...extra,
});

const mine: DocRecord = {
  id: MHLB,
  kind: 'document',
  title: 'My MHLB notes copy',
  aliases: [],
  workstreamId: 'ws-mine',
  deadline: '2020-09-12',
  status: 'draft',
  notes: 'my own notes',
  updatedAt: '2020-08-30T00:00:00.000Z',
};
const myWs: Workstream = { id: 'ws-mine', name: 'A. High-level body', color: '#1f6feb', account: '1' };

beforeEach(async () => {
  db = await openDocketDb(`sync-trust-${++n}`);
  contentType = 'text/csv';
  body = csv(row(MHLB, 'MHLB models', 'A. High-level body', '2020-09-10'));
  vi.mocked(journal.begin).mockClear();
});
afterEach(() => db.close());

describe('item 7: a sync changes only its own documents', () => {
  it('leaves the member’s own document as it is (a CSV without updatedAt is not “newer”) and flags what the sheet says differently', async () => {
    await writeAll(db, [mine], [myWs]);
    const result = await syncSubscription(sub, deps());
    expect(result.lastError).toBeUndefined();
    const doc = (await db.get('documents', MHLB))!;
    expect(doc).toMatchObject({ title: mine.title, deadline: '2020-09-12', status: 'draft', notes: 'my own notes' });
    expect(doc.subscriptionId).toBeUndefined();
    expect(doc.syncConflicts?.map((c) => [c.field, c.theirs]).sort()).toEqual([
      ['deadline', '2020-09-10'],
      ['status', 'open-for-comments'],
      ['title', 'MHLB models'],
      ['url', `https://docs.google.com/document/d/${MHLB}/edit`],
    ]);
    expect(result.lastReport?.conflicts?.every((c) => c.winner === 'local')).toBe(true);
  });

  it('leaves a document that came from a file alone too', async () => {
    await writeAll(db, [], [myWs]);
    await runMerge({
      db,
      text: JSON.stringify({ format: 'docket-index', version: 1, workstreams: [], documents: [mine] }),
      filename: 'team.json',
      now: at(),
      apply: true,
      journal,
      newId: () => 'op-file',
    });
    await syncSubscription(sub, deps());
    expect((await db.get('documents', MHLB))!).toMatchObject({ title: mine.title, deadline: '2020-09-12' });
  });

  it('does not raise again a flag the member dismissed, and writes nothing for it', async () => {
    await writeAll(db, [mine], [myWs]);
    await syncSubscription(sub, deps());
    const flagged = (await db.get('documents', MHLB))!;
    // “Keep mine” on every flag.
    const { syncConflicts: _dismissed, ...kept } = flagged;
    await db.put('documents', kept);
    const snapshots = (await listSnapshots(db)).length;
    await syncSubscription(sub, deps());
    expect((await db.get('documents', MHLB))!.syncConflicts).toBeUndefined();
    expect((await listSnapshots(db)).length).toBe(snapshots);
  });

  it('never renames, recolours or re-accounts a workstream: the changes wait for the member', async () => {
    await writeAll(db, [], [myWs]);
    contentType = 'application/json';
    body = JSON.stringify({
      format: 'docket-index',
      version: 1,
      workstreams: [
        { id: 'ws-mine', name: 'Renamed by the sheet', color: '#ff0000', account: 'someone@example.org' },
        { id: 'ws-new', name: 'C. New work', color: '#00ff00', account: 'someone@example.org' },
      ],
      documents: [{ id: IMPROVE, title: 'Improvements', workstreamId: 'ws-new' }],
    });
    const result = await syncSubscription(sub, deps());
    expect(result.lastError).toBeUndefined();
    const index = await getIndex(db);
    expect(index.workstreams.find((w) => w.id === 'ws-mine')).toEqual(myWs);
    // A workstream the sheet creates gets its name and colour, not an account.
    expect(index.workstreams.find((w) => w.id === 'ws-new')).toEqual({ id: 'ws-new', name: 'C. New work', color: '#00ff00' });
    expect(result.proposals).toEqual([
      { id: 'ws-mine', name: 'A. High-level body', field: 'name', local: 'A. High-level body', theirs: 'Renamed by the sheet' },
      { id: 'ws-mine', name: 'A. High-level body', field: 'color', local: '#1f6feb', theirs: '#ff0000' },
      { id: 'ws-mine', name: 'A. High-level body', field: 'account', local: '1', theirs: 'someone@example.org' },
      { id: 'ws-new', name: 'C. New work', field: 'account', theirs: 'someone@example.org' },
    ]);
    expect((await db.get('subscriptions', sub.id))!.proposals).toHaveLength(4);
  });

  it('still follows its own documents', async () => {
    await syncSubscription(sub, deps());
    body = csv(row(MHLB, 'MHLB models', 'A. High-level body', '2020-09-17', 'final'));
    await syncSubscription(sub, deps());
    expect((await db.get('documents', MHLB))!).toMatchObject({ deadline: '2020-09-17', status: 'final' });
    expect((await db.get('documents', MHLB))!.syncConflicts).toBeUndefined();
  });
});

describe('item 8: a sync that changes nothing writes nothing; the history lasts', () => {
  it('a second sync of the same sheet takes no snapshot, writes no operation and tells no page', async () => {
    await syncSubscription(sub, deps());
    const snapshots = await listSnapshots(db);
    const lastOp = await getMeta(db, 'lastOp');
    const begun = vi.mocked(journal.begin).mock.calls.length;
    const onWritten = vi.fn();
    const again = await syncSubscription(sub, deps({ onWritten }));
    expect(again.lastSuccessAt).toBe(again.lastAttemptAt);
    expect(await listSnapshots(db)).toEqual(snapshots);
    expect(await getMeta(db, 'lastOp')).toBe(lastOp);
    expect(vi.mocked(journal.begin).mock.calls.length).toBe(begun);
    expect(onWritten).not.toHaveBeenCalled();
  });

  it('the snapshot before a damaging import outlives a day of hourly syncs', async () => {
    await syncSubscription(sub, deps());
    await runMerge({
      db,
      text: csv(row(IMPROVE, 'Something', 'B. Other', '2020-10-01')),
      filename: 'damaging.csv',
      now: at(),
      apply: true,
      journal,
      newId: () => 'op-damage',
    });
    for (let hour = 0; hour < 24; hour++) await syncSubscription(sub, deps());
    expect((await listSnapshots(db)).map((s) => s.label)).toContain('before importing damaging.csv');
  });
});

/** A body that sends `chunks`, then `end`s: closes, errors (a cut connection) or never sends again (a stall). */
function streamOf(chunks: Uint8Array[], end: 'close' | 'error' | 'stall', pulled = { bytes: 0 }): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) {
        pulled.bytes += chunks[i]!.byteLength;
        controller.enqueue(chunks[i++]!);
        return;
      }
      if (end === 'close') controller.close();
      else if (end === 'error') controller.error(new TypeError('network error'));
      else return new Promise(() => undefined);
    },
  });
}
const MB = 1024 * 1024;
const bytes = (count: number) => new Uint8Array(count).fill(0x61);

describe('item 9: feeds are read with limits, and every failure is recorded', () => {
  const feed = (res: FeedResponse): Fetcher => ({ allowed: async () => true, fetch: async () => res });

  it('refuses a body announced larger than 20 MB without reading it', async () => {
    const pulled = { bytes: 0 };
    const res = response('', { contentLength: String(4 * 1024 * MB), body: streamOf([bytes(MB)], 'close', pulled) });
    const out = await fetchSubscription(sub, feed(res));
    expect(out).toEqual({
      error: expect.stringMatching(/larger than 20 MB/),
      said: { key: 'error_sheet_too_large', vars: { host: 'www.intgovforum.org', size: 20 } },
    });
    expect(pulled.bytes).toBeLessThanOrEqual(MB);
  });

  it('stops reading a body without Content-Length at 20 MB', async () => {
    const pulled = { bytes: 0 };
    const chunks = Array.from({ length: 40 }, () => bytes(MB));
    const out = await fetchSubscription(sub, feed(response('', { body: streamOf(chunks, 'close', pulled) })));
    expect(out).toEqual({
      error: expect.stringMatching(/larger than 20 MB/),
      said: { key: 'error_sheet_too_large', vars: { host: 'www.intgovforum.org', size: 20 } },
    });
    expect(pulled.bytes).toBeLessThanOrEqual(22 * MB);
  });

  it.each<[string, ReadableStream<Uint8Array>, string | null, RegExp]>([
    ['a body that stalls', streamOf([new TextEncoder().encode(`${HEADER}\n`)], 'stall'), null, /stopped sending/],
    ['a connection cut mid-body', streamOf([new TextEncoder().encode(`${HEADER}\n`)], 'error'), null, /connection .* was cut/],
    ['a body shorter than announced', streamOf([new TextEncoder().encode(`${HEADER}\n`)], 'close'), '5000', /was cut/],
  ])('%s is a failure, recorded with its attempt; the index is untouched', async (_name, stream, length, error) => {
    await syncSubscription(sub, deps());
    const before = await getIndex(db);
    const failing = feed(response('', { body: stream, contentLength: length }));
    const result = await syncSubscription(sub, deps({ fetcher: failing, limits: { idleMs: 50 } }));
    expect(result.lastError).toMatch(error);
    expect(result.lastError).toMatch(/www\.intgovforum\.org/);
    expect(result.lastSuccessAt).not.toBe(result.lastAttemptAt);
    expect((await db.get('subscriptions', sub.id))!.lastError).toMatch(error);
    expect(await getIndex(db)).toEqual(before);
  });

  it('a fetcher that throws anywhere is recorded, never thrown', async () => {
    const broken: Fetcher = {
      allowed: async () => {
        throw new Error('permissions API gone');
      },
      fetch: async () => response(body),
    };
    const result = await syncSubscription(sub, deps({ fetcher: broken }));
    expect(result.lastError).toMatch(/no longer has permission/);
    expect((await db.get('subscriptions', sub.id))!.lastAttemptAt).toBe(result.lastAttemptAt);
  });
});

describe('item 10: redirects stay within the origins the member allowed', () => {
  const redirected = (allowedOther: boolean): Fetcher => ({
    allowed: async (url) => new URL(url).host === 'www.intgovforum.org' || allowedOther,
    fetch: async () =>
      response(csv(row(MHLB, 'From elsewhere', 'Z. Elsewhere', '2030-01-01')), { url: 'https://evil.example/rows.csv' }),
  });

  it('refuses rows from an origin without permission, naming it', async () => {
    const result = await syncSubscription(sub, deps({ fetcher: redirected(false) }));
    expect(result.lastError).toMatch(/www\.intgovforum\.org sent Docket on to evil\.example/);
    expect(result.needsOrigin).toBe('https://evil.example/*');
    expect((await getIndex(db)).documents).toEqual([]);
  });

  it('reads them once the member allowed that origin', async () => {
    const result = await syncSubscription(sub, deps({ fetcher: redirected(true) }));
    expect(result.lastError).toBeUndefined();
    expect(result.needsOrigin).toBeUndefined();
    expect((await db.get('documents', MHLB))!.title).toBe('From elsewhere');
  });

  it('names the host that answered an error', async () => {
    const notFound: Fetcher = {
      allowed: async () => true,
      fetch: async () =>
        response('', { ok: false, status: 404, statusText: 'Not Found', url: 'https://sheets.intgovforum.org/x.csv' }),
    };
    expect(await fetchSubscription(sub, notFound)).toEqual({
      error: expect.stringMatching(/^sheets\.intgovforum\.org answered 404/),
      said: { key: 'error_sheet_http_404', vars: { host: 'sheets.intgovforum.org', status: '404 Not Found' } },
    });
  });
});

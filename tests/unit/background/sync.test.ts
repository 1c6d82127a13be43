import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interruptedItem, journalItem } from '@/utils/background/storage-items';
import { noteStarted, recoverJournal, statusReader, storageJournal } from '@/utils/background/journal';
import { getIndex, listSnapshots, writeMerge } from '@/utils/background/db/store';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import { MAX_CONFLICTS_LISTED, type Subscription } from '@/utils/shared/reports';
import { say } from '@/utils/shared/said';
import { RedirectedAway, runMerge, syncSubscription, type Fetcher, type Journal } from '@/utils/background/sync';

const SHEET_URL = 'https://www.intgovforum.org/wg-strategy/index.csv';
const HEADER = 'url,title,workstream,deadline,status,notes';
const row = (id: string, title: string, ws: string, deadline: string, status = 'open for comments') =>
  `https://docs.google.com/document/d/${id}/edit,${title},${ws},${deadline},${status},`;
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

let db: DocketDB;
let n = 0;
let sheet: {
  status: number;
  body: string;
  reachable: boolean;
  allowed: boolean;
  signIn?: boolean;
  disposition?: string;
};
const fetcher: Fetcher = {
  allowed: async () => sheet.allowed,
  fetch: async () => {
    if (sheet.signIn) throw new RedirectedAway();
    if (!sheet.reachable) throw new TypeError('Failed to fetch');
    return {
      ok: sheet.status < 400,
      status: sheet.status,
      statusText: sheet.status === 404 ? 'Not Found' : 'OK',
      contentType: 'text/csv',
      url: SHEET_URL,
      contentLength: null,
      contentDisposition: sheet.disposition ?? null,
      body: new Response(sheet.body).body,
    };
  },
};
const journal: Journal = { begin: vi.fn(async () => undefined), end: vi.fn(async () => undefined) };
let clock = 0;
const deps = () => ({
  db,
  fetcher,
  journal,
  now: new Date(Date.UTC(2020, 8, 1, 10, clock++)).toISOString(),
  newId: () => `op-${clock}`,
});
const sub: Subscription = { id: 'sub-wg', url: SHEET_URL, name: 'WG-Strategy sheet', createdAt: '2020-09-01T00:00:00.000Z' };

beforeEach(async () => {
  db = await openDocketDb(`sync-test-${++n}`);
  sheet = {
    status: 200,
    reachable: true,
    allowed: true,
    body: csv(
      row(MHLB, 'MHLB models', 'A. High-level body', '2020-09-10'),
      row(IMPROVE, 'IGF improvements', 'B. Improvements to the IGF', '2020-09-06'),
    ),
  };
});
afterEach(() => db.close());

describe('a subscription to a published sheet', () => {
  it('brings in its documents and workstreams, marked as coming from it, after a snapshot', async () => {
    const result = await syncSubscription(sub, deps());
    expect(result.lastError).toBeUndefined();
    expect(result.lastSuccessAt).toBe(result.lastAttemptAt);
    expect(result.lastReport?.documents).toMatchObject({ added: 2 });
    const index = await getIndex(db);
    expect(index.documents.map((d) => d.subscriptionId)).toEqual(['sub-wg', 'sub-wg']);
    expect(index.workstreams.map((w) => w.name).sort()).toEqual(['A. High-level body', 'B. Improvements to the IGF']);
    expect((await listSnapshots(db))[0]).toMatchObject({ reason: 'sync', label: 'before syncing “WG-Strategy sheet”' });
    expect(journal.begin).toHaveBeenCalledTimes(1);
    expect(journal.end).toHaveBeenCalledTimes(1);
  });

  it('follows the sheet’s changes, keeps local edits, and flags a field the sheet changed underneath one', async () => {
    await syncSubscription(sub, deps());
    // A local edit to the MHLB document's deadline and notes.
    const local = (await db.get('documents', MHLB))!;
    await db.put('documents', { ...local, deadline: '2020-09-12', notes: 'asked for more time', updatedAt: deps().now });
    // The sheet moves the same deadline, and another document's status.
    sheet.body = csv(
      row(MHLB, 'MHLB models', 'A. High-level body', '2020-09-17'),
      row(IMPROVE, 'IGF improvements', 'B. Improvements to the IGF', '2020-09-06', 'final'),
    );
    const result = await syncSubscription(sub, deps());
    expect(result.lastReport?.conflicts).toMatchObject([
      { docId: MHLB, field: 'deadline', local: '2020-09-12', incoming: '2020-09-17', winner: 'local' },
    ]);
    const mhlb = (await db.get('documents', MHLB))!;
    expect(mhlb).toMatchObject({ deadline: '2020-09-12', notes: 'asked for more time' });
    expect(mhlb.syncConflicts).toEqual([
      { field: 'deadline', theirs: '2020-09-17', subscriptionId: 'sub-wg', at: expect.any(String) },
    ]);
    expect((await db.get('documents', IMPROVE))!.status).toBe('final');
  });

  it.each<[string, Partial<typeof sheet>, RegExp]>([
    ['offline', { reachable: false }, /Could not reach www\.intgovforum\.org/],
    ['a sign-in page (not published)', { signIn: true }, /www\.intgovforum\.org sent Docket to a sign-in page.*Publish to web/],
    ['a 404', { status: 404 }, /answered 404 Not Found.*no longer be published/],
    ['changed columns', { body: 'Document,Owner\nMHLB,Anriette' }, /url or id column/],
    [
      'rows that no longer read',
      { body: `${HEADER}\nnot a link,x,y,2020-09-10,open,` },
      /No row of the sheet could be read.*columns change/,
    ],
    ['a withdrawn permission', { allowed: false }, /no longer has permission to read www\.intgovforum\.org/],
  ])('%s: reported with the time of the last good sync, and nothing erased', async (_name, change, error) => {
    const good = await syncSubscription(sub, deps());
    const before = await getIndex(db);
    Object.assign(sheet, change);
    const failed = await syncSubscription(good, deps());
    expect(failed.lastError).toMatch(error);
    expect(failed.lastSuccessAt).toBe(good.lastSuccessAt);
    expect(failed.lastAttemptAt).not.toBe(good.lastAttemptAt);
    expect(await getIndex(db)).toEqual(before);
    expect((await db.get('subscriptions', 'sub-wg'))?.lastError).toMatch(error);
    // Stored as a key and values too (said in the language in use when shown), and both go with a good sync.
    const stored = (await db.get('subscriptions', 'sub-wg'))!;
    expect(say(stored.lastErrorSaid!)).toBe(stored.lastError);
    Object.assign(sheet, {
      status: 200,
      reachable: true,
      signIn: false,
      allowed: true,
      body: csv(row(MHLB, 'MHLB models', 'A. High-level body', '2020-09-10')),
    });
    const again = await syncSubscription(stored, deps());
    expect([again.lastError, again.lastErrorSaid]).toEqual([undefined, undefined]);
  });

  it('a document that leaves the sheet stays in the index', async () => {
    await syncSubscription(sub, deps());
    sheet.body = csv(row(IMPROVE, 'IGF improvements', 'B. Improvements to the IGF', '2020-09-06'));
    await syncSubscription(sub, deps());
    expect((await getIndex(db)).documents.map((d) => d.id).sort()).toEqual([IMPROVE, MHLB].sort());
  });
});

describe('imports: preview writes nothing; apply uses the member’s resolutions', () => {
  it('previews conflicts against the last import, then applies the chosen side', async () => {
    const base = csv(row(MHLB, 'MHLB models', 'A. High-level body', '2020-09-10'));
    await runMerge({ db, text: base, filename: 'team.csv', now: deps().now, apply: true, journal, newId: () => 'op-a' });
    const local = (await db.get('documents', MHLB))!;
    await db.put('documents', { ...local, deadline: '2020-09-12', updatedAt: '2020-09-02T00:00:00.000Z' });
    const theirs = csv(row(MHLB, 'MHLB models', 'A. High-level body', '2020-09-17'));
    const preview = await runMerge({
      db,
      text: theirs,
      filename: 'team.csv',
      now: '2020-09-03T00:00:00.000Z',
      apply: false,
      journal,
      newId: () => 'op-b',
    });
    expect(preview.conflicts).toMatchObject([
      { field: 'deadline', local: '2020-09-12', incoming: '2020-09-17', winner: 'incoming' },
    ]);
    expect((await db.get('documents', MHLB))!.deadline).toBe('2020-09-12');
    await runMerge({
      db,
      text: theirs,
      filename: 'team.csv',
      now: '2020-09-03T00:00:00.000Z',
      apply: true,
      resolutions: { [`${MHLB}:deadline`]: 'local' },
      journal,
      newId: () => 'op-c',
    });
    expect((await db.get('documents', MHLB))!.deadline).toBe('2020-09-12');
  });
});

describe('conflicts in a report do not grow with the file (issue 28)', () => {
  const N = MAX_CONFLICTS_LISTED + 100;
  const ids = Array.from({ length: N }, (_, i) => `1ConflictingDocumentNumber${String(i).padStart(5, '0')}`);
  const file = (deadline: string) => csv(...ids.map((id) => row(id, `Doc ${id.slice(-5)}`, 'A. High-level body', deadline)));

  /** Every document imported, then changed here (a later deadline), then the file changes it too. */
  async function bothChanged() {
    await runMerge({
      db,
      text: file('2020-09-10'),
      filename: 'team.csv',
      now: '2020-09-01T00:00:00.000Z',
      apply: true,
      journal,
      newId: () => 'op-1',
    });
    const tx = db.transaction('documents', 'readwrite');
    for (const id of ids) {
      const doc = (await tx.store.get(id))!;
      await tx.store.put({ ...doc, deadline: '2020-09-12', updatedAt: '2020-09-02T00:00:00.000Z' });
    }
    await tx.done;
    return file('2020-09-17');
  }

  it('a preview lists the first MAX_CONFLICTS_LISTED, in file order, and counts them all', async () => {
    const theirs = await bothChanged();
    const preview = await runMerge({
      db,
      text: theirs,
      filename: 'team.csv',
      now: '2020-09-03T00:00:00.000Z',
      apply: false,
      journal,
      newId: () => 'op-2',
    });
    expect(preview.conflictCount).toBe(N);
    expect(preview.conflicts).toHaveLength(MAX_CONFLICTS_LISTED);
    expect(preview.conflicts!.map((c) => c.docId)).toEqual(ids.slice(0, MAX_CONFLICTS_LISTED));
  });

  it('apply: a listed conflict takes the member’s choice, one not listed the side the report said (the newer one)', async () => {
    const theirs = await bothChanged();
    const result = await runMerge({
      db,
      text: theirs,
      filename: 'team.csv',
      now: '2020-09-03T00:00:00.000Z',
      apply: true,
      resolutions: { [`${ids[0]}:deadline`]: 'local' },
      journal,
      newId: () => 'op-3',
    });
    expect(result.conflictCount).toBe(N);
    expect(result.conflicts).toHaveLength(MAX_CONFLICTS_LISTED);
    expect((await db.get('documents', ids[0]!))!.deadline).toBe('2020-09-12');
    // The file's rows carry no time: the file is the newer side, as the report's words say.
    expect((await db.get('documents', ids[N - 1]!))!.deadline).toBe('2020-09-17');
  });

  it('a sync flags every conflicting document, listed or not, and keeps the count', async () => {
    sheet.body = file('2020-09-10');
    await syncSubscription(sub, deps());
    const tx = db.transaction('documents', 'readwrite');
    for (const id of ids) {
      const doc = (await tx.store.get(id))!;
      await tx.store.put({ ...doc, deadline: '2020-09-12', updatedAt: deps().now });
    }
    await tx.done;
    sheet.body = file('2020-09-17');
    const result = await syncSubscription(sub, deps());
    expect(result.lastReport?.conflictCount).toBe(N);
    expect(result.lastReport?.conflicts).toHaveLength(MAX_CONFLICTS_LISTED);
    const last = (await db.get('documents', ids[N - 1]!))!;
    expect(last.deadline).toBe('2020-09-12');
    expect(last.syncConflicts).toEqual([
      { field: 'deadline', theirs: '2020-09-17', subscriptionId: 'sub-wg', at: expect.any(String) },
    ]);
  });
});

describe('the operation journal', () => {
  beforeEach(() => fakeBrowser.reset());

  it('an operation cut short before its transaction landed is reported once, and can be dismissed', async () => {
    await storageJournal.begin({ id: 'op-x', op: 'import', label: 'import of big.json', startedAt: '2026-11-22T10:00:00.000Z' });
    // …the service worker stops here; on the next start:
    const landed = vi.fn(async () => undefined);
    expect(await recoverJournal(db, landed)).toMatchObject({ id: 'op-x' });
    expect(landed).not.toHaveBeenCalled();
    expect(await journalItem.get()).toBeNull();
    const status = statusReader(() => undefined);
    expect(await status.get()).toEqual({ interrupted: { label: 'import of big.json', startedAt: '2026-11-22T10:00:00.000Z' } });
    expect(await status.dismiss()).toEqual({});
  });

  it('an operation whose transaction landed (but whose note was not cleared) is not reported', async () => {
    await storageJournal.begin({ id: 'op-y', op: 'sync', label: 'sync', startedAt: 'T' });
    await writeMerge(db, {
      documents: [],
      workstreams: [],
      bases: new Map(),
      source: 's',
      snapshot: { reason: 'sync', label: 'l' },
      opId: 'op-y',
      now: 'T',
    });
    const landed = vi.fn(async () => undefined);
    expect(await recoverJournal(db, landed)).toBeNull();
    expect(await interruptedItem.get()).toBeNull();
    // It may have stopped before pages were told: they are told now.
    expect(landed).toHaveBeenCalledTimes(1);
  });

  it('an import cut short is reported from the database alone when the storage journal is gone (an update)', async () => {
    // The import noted itself in the index too; the storage note was lost (an update from a build that kept none).
    await noteStarted(db, { id: 'op-z', op: 'import', label: 'import of big.json', startedAt: '2026-11-22T10:00:00.000Z' });
    expect(await journalItem.get()).toBeNull();
    expect(await recoverJournal(db)).toMatchObject({ id: 'op-z' });
    expect(await statusReader(() => undefined).get()).toEqual({
      interrupted: { label: 'import of big.json', startedAt: '2026-11-22T10:00:00.000Z' },
    });
    // Reported once.
    await interruptedItem.remove();
    expect(await recoverJournal(db)).toBeNull();
  });

  it('an import that landed is not reported from the database’s note', async () => {
    await noteStarted(db, { id: 'op-w', op: 'import', label: 'import of ok.json', startedAt: 'T' });
    await writeMerge(db, { documents: [], workstreams: [], bases: new Map(), source: 's', opId: 'op-w', now: 'T' });
    expect(await recoverJournal(db)).toBeNull();
    expect(await interruptedItem.get()).toBeNull();
  });

  it('a read-only index is reported', async () => {
    expect(await statusReader(() => 'Docket could not upgrade its index').get()).toEqual({
      readOnlyReason: 'Docket could not upgrade its index',
    });
  });
});

describe('a sheet joined without a name', () => {
  const joined = (name: string): Subscription => ({ ...sub, name });
  it.each<[string, string, string | undefined, string]>([
    [
      'takes the sheet’s own name when its server sends one',
      new URL(SHEET_URL).host,
      'attachment; filename="WG-Strategy - Sheet1.csv"',
      'WG-Strategy - Sheet1',
    ],
    ['keeps the site’s name when the server sends none', new URL(SHEET_URL).host, undefined, new URL(SHEET_URL).host],
    ['keeps a name the member gave', 'Our group', 'attachment; filename="WG-Strategy - Sheet1.csv"', 'Our group'],
  ])('%s', async (_name, given, disposition, expected) => {
    sheet.disposition = disposition;
    const synced = await syncSubscription(joined(given), deps());
    expect(synced.lastError).toBeUndefined();
    expect(synced.name).toBe(expected);
    expect((await db.get('subscriptions', sub.id))?.name).toBe(expected);
  });

  it('a failed sync does not rename it', async () => {
    sheet.disposition = 'attachment; filename="WG-Strategy - Sheet1.csv"';
    sheet.status = 404;
    const host = new URL(SHEET_URL).host;
    expect((await syncSubscription(joined(host), deps())).name).toBe(host);
  });
});

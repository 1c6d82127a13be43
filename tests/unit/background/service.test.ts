import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import type { DocRecord } from '@/utils/shared/model';
import type { MessageType } from '@/utils/shared/protocol';
import { ACCESS } from '@/utils/background/protocol-schemas';
import { IndexCache } from '@/utils/background/index-cache';
import { createHandlers, dispatch, type Sender, type ServiceDeps } from '@/utils/background/service';
import { localToday } from '@/utils/shared/calendar';
import { ID, POPUP, caller, exported, fakeDeps, type Call } from '../support/service-fixture';
import { said } from '@/utils/shared/said';

const SAMPLE = readFileSync(new URL('../../fixtures/sample-index.json', import.meta.url), 'utf8');
const CONTENT: Sender = { id: ID, url: 'https://www.intgovforum.org/wg-strategy/minutes-4.html', tab: { id: 7 } };
const OTHER_EXTENSION: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';

let db: DocketDB;
let n = 0;
let deps: ServiceDeps;
let call: Call;

beforeEach(async () => {
  db = await openDocketDb(`service-test-${++n}`);
  deps = fakeDeps(db, {
    sites: {
      get: vi.fn(async () => ({ defaults: [], enabled: [] })),
      enable: vi.fn(async () => ({ defaults: [], enabled: ['https://example.org/*'] })),
      disable: vi.fn(async () => ({ defaults: [], enabled: [] })),
    },
    fetcher: {
      allowed: vi.fn(async () => true),
      fetch: vi.fn(async () => {
        throw new Error('no network in unit tests');
      }),
    },
  });
  call = caller(deps);
});
afterEach(() => db.close());

describe('who may send what', () => {
  const writes: Array<[MessageType, unknown]> = [
    ['doc/put', { doc: { id: MHLB, kind: 'document', aliases: [], updatedAt: '2026-11-22T10:00:00.000Z' } }],
    ['doc/delete', { id: MHLB }],
    ['ws/put', { workstream: { id: 'w', name: 'W' } }],
    ['ws/delete', { id: 'w', reassignTo: null }],
    ['import/apply', { text: SAMPLE, filename: 'x.json' }],
    ['index/get', {}],
    ['export', { format: 'json' }],
    ['sites/enable', { origin: 'https://example.org/*' }],
  ];

  it.each(writes)('a content script may not send %s', async (type, data) => {
    const reply = await call(type, data, CONTENT);
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/Only Docket’s own pages/),
      said: { key: 'error_message_pages_only' },
    });
    expect(deps.indexChanged).not.toHaveBeenCalled();
    expect(await db.count('documents')).toBe(0);
  });

  it.each([...writes, ['lookup', { ids: [MHLB] }] as [MessageType, unknown]])(
    'another extension may not send %s',
    async (type, data) => {
      expect(await call(type, data, OTHER_EXTENSION)).toEqual({
        ok: false,
        error: expect.stringMatching(/only from Docket/),
        said: { key: 'error_message_foreign' },
      });
    },
  );

  it('a sender without a tab or an extension page url is refused', async () => {
    expect((await call('lookup', { ids: [MHLB] }, { id: ID, url: 'https://evil.example/' })).ok).toBe(false);
  });

  it('every message has a declared access level, and only reads are open to content scripts', () => {
    expect(
      Object.entries(ACCESS)
        .filter(([, a]) => a === 'read')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['editor/open', 'join/open', 'lookup']);
  });

  it.each<[string, unknown, RegExp]>([
    ['unknown type', { type: 'db/drop', data: {} }, /Unknown message/],
    ['not an object', 'lookup', /Unknown message/],
    ['prototype key', { type: 'constructor', data: {} }, /Unknown message/],
  ])('refuses an %s', async (_name, message, error) => {
    expect(await dispatch(message, POPUP, createHandlers(deps), deps)).toEqual({
      ok: false,
      error: expect.stringMatching(error),
      said: { key: 'error_message_unknown' },
    });
  });

  it.each<[MessageType, unknown, RegExp]>([
    ['lookup', { ids: 'abc' }, /ids/],
    ['doc/put', { doc: { id: MHLB, kind: 'document', aliases: [], updatedAt: 'yesterday' } }, /doc\.updatedAt/],
    ['doc/put', { doc: { id: MHLB, kind: 'novel', aliases: [], updatedAt: '2026-11-22T10:00:00.000Z' } }, /doc\.kind/],
    [
      'doc/put',
      { doc: { id: MHLB, kind: 'document', aliases: [], status: 'wip', updatedAt: '2026-11-22T10:00:00.000Z' } },
      /doc\.status/,
    ],
    ['ws/put', { workstream: { id: 'w', name: '   ' } }, /needs a name/],
    ['sites/enable', { origin: '<all_urls>' }, /not a site pattern/],
  ])('validates the shape of %s', async (type, data, error) => {
    const reply = await call(type, data);
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(error);
    expect(await db.count('documents')).toBe(0);
  });
});

describe('what messages do', () => {
  it('imports the sample index, then a content script looks documents up in one batch', async () => {
    const preview = await call('import/preview', { text: SAMPLE, filename: 'sample-index.json' });
    expect(preview.result).toMatchObject({ applied: false, documents: { added: 6 }, workstreams: { added: 4 } });
    expect(await db.count('documents')).toBe(0);
    expect(deps.indexChanged).not.toHaveBeenCalled();

    const applied = await call('import/apply', { text: SAMPLE, filename: 'sample-index.json' });
    expect(applied.result).toMatchObject({ applied: true, documents: { added: 6, refused: 0 }, workstreams: { added: 4 } });
    expect(deps.indexChanged).toHaveBeenCalledTimes(1);

    const found = await call('lookup', { ids: [MHLB, '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW'] }, CONTENT);
    expect(Object.keys(found.result.records)).toEqual([MHLB]);
    expect(found.result.records[MHLB].workstream.name).toBe(
      'A. Possible implementation models for the Roadmap’s High-level body',
    );
  });

  it('answers lookups from the index in memory once it is there, in step with every write', async () => {
    const cache = new IndexCache(deps.db);
    const handlers = createHandlers({ ...deps, cache });
    const ask1 = (type: string, data: unknown, sender: Sender = POPUP) =>
      dispatch({ type, data }, sender, handlers, deps) as never as Promise<{ result: any }>;
    await ask1('import/apply', { text: SAMPLE, filename: 'sample-index.json' });
    const fromMemory = vi.spyOn(cache, 'lookup');
    const ask = async () => (await ask1('lookup', { ids: [MHLB] }, CONTENT)).result.records[MHLB];
    const before = await ask();
    if (!cache.loaded) {
      // Not in memory yet: IndexedDB answered; the popup's list reads the whole index.
      expect(fromMemory).not.toHaveBeenCalled();
      await ask1('docs/query', { view: 'grouped', status: 'all', offset: 0, limit: 10, complete: true });
    }
    expect(cache.loaded).toBe(true);
    expect(await ask()).toEqual(before);
    const full = (await ask1('doc/get', { id: MHLB })).result.doc;
    await ask1('doc/put', { doc: { ...full, status: 'final', updatedAt: '2026-11-22T10:00:00.000Z' } });
    expect((await ask()).doc.status).toBe('final');
    await ask1('doc/delete', { id: MHLB });
    expect(await ask()).toBeUndefined();
    // Each of those three answers came from memory.
    expect(fromMemory.mock.results.filter((r) => r.value !== null)).toHaveLength(4);
  });

  it('a refused file writes nothing and says why', async () => {
    const reply = await call('import/apply', { text: '{"format":"something-else","version":1}', filename: 'x.json' });
    expect(reply.result.error).toMatch(/something-else/);
    expect(reply.result.applied).toBe(false);
    expect(await db.count('documents')).toBe(0);
    expect(deps.indexChanged).not.toHaveBeenCalled();
  });

  it('puts, deletes and tells pages each time', async () => {
    await call('ws/put', { workstream: { id: 'ws-hlb', name: 'A. HLB' } });
    const doc: DocRecord = {
      id: MHLB,
      kind: 'document',
      aliases: [],
      title: '',
      workstreamId: 'ws-hlb',
      updatedAt: '2026-11-22T10:00:00.000Z',
    };
    const put = await call('doc/put', { doc });
    expect(put.ok).toBe(true);
    expect(put.result.doc).not.toHaveProperty('title'); // empty means absent
    expect((await call('doc/delete', { id: MHLB })).result.doc.id).toBe(MHLB);
    expect(deps.indexChanged).toHaveBeenCalledTimes(3);
  });

  it('refuses a document in a workstream that does not exist', async () => {
    const doc = { id: MHLB, kind: 'document', aliases: [], workstreamId: 'ws-nope', updatedAt: '2026-11-22T10:00:00.000Z' };
    expect(await call('doc/put', { doc })).toMatchObject({ ok: false, error: expect.stringMatching(/no workstream/) });
  });

  it('opens the editor for a link only when it is a Google document', async () => {
    expect((await call('editor/open', { url: 'https://evil.example/x' }, CONTENT)).ok).toBe(false);
    const ok = await call(
      'editor/open',
      { url: `https://docs.google.com/document/d/${MHLB}/edit`, title: 'MHLB', source: CONTENT.url },
      CONTENT,
    );
    expect(ok).toEqual({ ok: true, result: { opened: true } });
    expect(deps.openEditorWindow).toHaveBeenCalledWith(
      {
        close: true,
        track: { url: `https://docs.google.com/document/d/${MHLB}/edit`, title: 'MHLB', source: CONTENT.url },
      },
      7,
    );
  });

  it('passes the page’s guesses to the editor ("+" on a badge: the heading above as workstream, the page’s title)', async () => {
    const url = `https://docs.google.com/document/d/${MHLB}/edit`;
    await call(
      'editor/open',
      { url, wsGuess: 'A. Possible models', sourceTitle: 'Minutes — 27 August 2020', source: CONTENT.url },
      CONTENT,
    );
    expect(deps.openEditorWindow).toHaveBeenLastCalledWith(
      {
        close: true,
        track: { url, source: CONTENT.url, wsGuess: 'A. Possible models', sourceTitle: 'Minutes — 27 August 2020' },
      },
      7,
    );
    expect((await call('editor/open', { url, wsGuess: 'x'.repeat(2_001) }, CONTENT)).ok).toBe(false);
    // A link written as its address gives no title.
    await call('editor/open', { url, title: url }, CONTENT);
    expect(deps.openEditorWindow).toHaveBeenLastCalledWith({ close: true, track: { url } }, 7);
  });

  it('exports what it imported', async () => {
    await call('import/apply', { text: SAMPLE, filename: 'sample-index.json' });
    const file = await exported(call, 'export', { format: 'json' });
    const parsed = JSON.parse(file.text);
    expect(parsed).toMatchObject({ format: 'docket-index', version: 1 });
    expect(parsed.documents).toHaveLength(6);
    const csv = await exported(call, 'export', { format: 'csv', workstreamId: 'ws-improve' });
    expect(csv.text.trim().split('\n')).toHaveLength(3);
    // Both forms dated (the member's own date of the export); one workstream's file named after it.
    const day = localToday(new Date('2026-11-22T10:00:00.000Z'));
    expect(file.filename).toBe(`docket-index-${day}.json`);
    expect(csv.filename).toBe(`docket-B-Improvements-to-the-IGF-${day}.csv`);
    expect((await call('export', { format: 'csv' })).result.filename).toBe(`docket-index-${day}.csv`);
  });
});

describe('imports sent in pieces (import/upload)', () => {
  const upload = async (uploadId: string, text: string, size: number) => {
    for (let at = 0; at < text.length || at === 0; at += size) {
      const reply = await call('import/upload', { uploadId, chunk: text.slice(at, at + size) });
      expect(reply.ok).toBe(true);
      if (!text.length) break;
    }
  };

  it.each([1_000, 7_777, SAMPLE.length])(
    'pieces of %i characters make the same file; preview and apply each use one upload up',
    async (size) => {
      await upload('up-1', SAMPLE, size);
      const preview = await call('import/preview', { uploadId: 'up-1', filename: 'sample-index.json' });
      expect(preview.result).toMatchObject({ applied: false, documents: { added: 6 }, workstreams: { added: 4 } });
      // Used up: naming it again is refused in words, and nothing is written.
      const again = await call('import/apply', { uploadId: 'up-1', filename: 'sample-index.json' });
      expect(again).toEqual({
        ok: false,
        error: expect.stringMatching(/did not get all of it.*Choose the file again/),
        code: 'upload-lost',
        // The words again as a message key: the page says them in its own language.
        said: { key: 'error_upload_lost' },
      });
      expect(await db.count('documents')).toBe(0);

      await upload('up-2', SAMPLE, size);
      const applied = await call('import/apply', { uploadId: 'up-2', filename: 'sample-index.json' });
      expect(applied.result).toMatchObject({ applied: true, documents: { added: 6 } });
      expect(await db.count('documents')).toBe(6);
    },
  );

  it.each([
    ['an upload that never came', { uploadId: 'up-none', filename: 'x.json' }, /did not get all of it/],
    ['a malformed upload id', { uploadId: '../x', filename: 'x.json' }, /Invalid import\/apply message/],
    ['both text and an upload id', { uploadId: 'up-1', text: SAMPLE, filename: 'x.json' }, /.+/],
  ])('refuses %s', async (_what, data, error) => {
    const reply = await call('import/apply', data);
    if (reply.ok) {
      // Text and an upload id at once: the text is used (an object schema drops the unknown key), never half of each.
      expect(reply.result.applied).toBe(true);
    } else expect(reply.error).toMatch(error);
  });

  it('refuses an upload past the size limit, and forgets it', async () => {
    const piece = 'x'.repeat(4 * 1024 * 1024);
    for (let i = 0; i < 5; i++) expect((await call('import/upload', { uploadId: 'up-big', chunk: piece })).ok).toBe(true);
    expect(await call('import/upload', { uploadId: 'up-big', chunk: piece })).toEqual({
      ok: false,
      error: expect.stringMatching(/larger than 20 MB/),
      said: { key: 'error_file_too_large', vars: { size: 20 } },
    });
    expect((await call('import/preview', { uploadId: 'up-big', filename: 'big.json' })).error).toMatch(/did not get all of it/);
  });

  it('a content script may not upload', async () => {
    expect((await call('import/upload', { uploadId: 'up-1', chunk: 'x' }, CONTENT)).error).toMatch(/Only Docket’s own pages/);
  });

  it('says how far the write is, then clears it; the index in memory takes what was written', async () => {
    const seen: unknown[] = [];
    deps.importProgress = vi.fn(async (p) => void seen.push(p));
    const handlers = createHandlers(deps);
    const send = (type: string, data: unknown) =>
      dispatch({ type, data }, POPUP, handlers, deps) as Promise<{ ok: boolean; result?: any }>;
    // Load the copy in memory first (empty), then import.
    expect((await send('index/summary', {})).ok).toBe(true);
    await send('import/apply', { text: SAMPLE, filename: 'sample-index.json' });
    expect(seen).toEqual([{ filename: 'sample-index.json', written: 6, total: 6 }, null]);
    // Written straight into the copy in memory: the next question reads no documents back.
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const summary = await send('index/summary', {});
    expect(summary.ok).toBe(true);
    expect(JSON.stringify(summary.result)).toContain('ws-improve');
    expect(getAll).not.toHaveBeenCalled();
    getAll.mockRestore();
  });
});

describe('docs/track (accepting a scan)', () => {
  const now = '2026-11-22T10:00:00.000Z';
  it('tracks documents and new workstreams in one write, keeping where each was found', async () => {
    const reply = await call('docs/track', {
      workstreams: [{ id: 'ws-improve', name: 'B. Improvements to the IGF' }],
      documents: [
        {
          id: '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW',
          kind: 'file',
          aliases: [],
          workstreamId: 'ws-improve',
          deadline: '2020-10-01',
          source: 'https://www.intgovforum.org/wg-strategy/minutes-0.html',
          sourceTitle: 'Meeting VII',
          sourceDate: '2020-09-24',
          deadlineSource: 'After this deadline (October 1), Flavio will share the final selection of the priorities.',
          updatedAt: now,
        },
      ],
    });
    expect(reply).toEqual({ ok: true, result: { documents: 1, workstreams: 1 } });
    expect(deps.indexChanged).toHaveBeenCalledTimes(1);
    const file = JSON.parse((await exported(call, 'export', { format: 'json' })).text);
    expect(file.documents[0]).toMatchObject({
      sourceDate: '2020-09-24',
      deadlineSource: expect.stringContaining('October 1'),
    });
  });

  it('writes nothing when one document names a missing workstream', async () => {
    const reply = await call('docs/track', {
      workstreams: [],
      documents: [
        { id: '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW', kind: 'file', aliases: [], updatedAt: now },
        { id: MHLB, kind: 'document', aliases: [], workstreamId: 'ws-missing', updatedAt: now },
      ],
    });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/ws-missing/) });
    expect(await db.count('documents')).toBe(0);
  });
});

describe('a read-only index (an upgrade that failed)', () => {
  it('still reads and exports, and refuses every write with the reason', async () => {
    const readOnly = { ...deps, readOnlyReason: () => 'Docket could not upgrade its index (disk full).' };
    const handlers = createHandlers(readOnly);
    const ro = (type: string, data: unknown) => dispatch({ type, data }, POPUP, handlers, readOnly);
    expect((await ro('index/get', {})).ok).toBe(true);
    expect((await ro('export', { format: 'json' })).ok).toBe(true);
    expect(await ro('import/apply', { text: SAMPLE, filename: 'x.json' })).toEqual({
      ok: false,
      error: 'Docket could not upgrade its index (disk full).',
    });
    expect((await ro('doc/delete', { id: MHLB })).ok).toBe(false);
    expect(await db.count('documents')).toBe(0);
  });

  it('gives the reason as a key when it has one (said in the page’s language)', async () => {
    const why = said('error_read_only', { why: 'disk full' });
    const readOnly = { ...deps, readOnlyReason: () => why };
    const reply = await dispatch({ type: 'doc/delete', data: { id: MHLB } }, POPUP, createHandlers(readOnly), readOnly);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/could not upgrade.*disk full/s), said: why });
  });
});

describe('errors in words', () => {
  it.each([
    [
      Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
      /no more room for Docket’s index.*nothing of this change was written/,
    ],
    [
      Object.assign(new Error('Transaction aborted'), { name: 'AbortError' }),
      /stopped the write \(Transaction aborted\); nothing of it was written/,
    ],
    [new Error('There is no workstream “x”.'), /^There is no workstream “x”\.$/],
  ])('%s', async (error, expected) => {
    const { describeError } = await import('@/utils/background/service');
    expect(describeError(error)).toMatch(expected);
  });

  it('a write the browser refuses for lack of room reaches the popup as that sentence, and nothing is lost', async () => {
    await call('import/apply', { text: SAMPLE, filename: 'sample-index.json' });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    });
    const reply = await call('doc/put', {
      doc: { id: MHLB, kind: 'document', aliases: [], title: 'changed', updatedAt: '2026-11-22T10:00:00.000Z' },
    });
    put.mockRestore();
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/no more room/),
      said: { key: 'error_disk_full' },
    });
    const index = (await call('index/get', {})).result;
    expect(index.documents).toHaveLength(6);
    expect(index.documents.find((d: DocRecord) => d.id === MHLB).title).toBe('Possible implementation models for the MHLB');
  });
});

// Exports leave in pieces (issue 28, item 2): the same file as before, never one message or one
// string that grows with the index; 200,000 documents export.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { openDocketDb, type DocketDB } from '@/utils/background/db/schema';
import { EXPORT_PIECE_CHARS, exportCsvPieces, exportJsonPieces, type ExportPieces } from '@/utils/background/interchange/export';
import { receiveExport } from '@/utils/popup/receive-export';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { localToday } from '@/utils/shared/calendar';
import { PAGE, caller, fakeDeps, type Call } from '../support/service-fixture';

const NOW = '2026-11-22T10:00:00.000Z';
/** The member's own day of NOW (2026-11-23 in Kiritimati): export names carry it. */
const DAY = localToday(new Date(NOW));
const WS: Workstream[] = [
  { id: 'ws-a', name: 'A. Models', color: '#1f6feb', extra: { kept: true } },
  { id: 'ws-b', name: '=B', group: 'G' },
];
function doc(i: number, notes = 200): DocRecord {
  return {
    id: `doc${String(i).padStart(7, '0')}xxxxxxxxxxxxxxxxxx`,
    kind: 'document',
    title: `Document ${i} “quoted”, with a comma`,
    aliases: i % 3 ? [] : [`alias${i}xxxxxxxxxxxx`],
    workstreamId: i % 2 ? 'ws-a' : 'ws-b',
    deadline: '2026-12-01',
    notes: `line one\nline two ${'n'.repeat(notes)}`,
    updatedAt: NOW,
    ...(i % 5 ? {} : { extra: { from: 'elsewhere' } }),
  };
}
const all = (file: ExportPieces) => {
  const out: string[] = [];
  for (let r = file.pieces.next(); !r.done; r = file.pieces.next()) out.push(r.value);
  return out;
};

describe('the interchange file in pieces', () => {
  it.each([0, 1, 7, 1_000])('%i documents: the pieces make the same pretty-printed file', (count) => {
    const index = { workstreams: WS, documents: Array.from({ length: count }, (_, i) => doc(i)) };
    const pieces = all(exportJsonPieces(index, NOW, undefined, 3_000));
    if (count > 20) expect(pieces.length).toBeGreaterThan(10);
    const text = pieces.join('');
    const value = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(value.documents).toHaveLength(count);
    expect(value.workstreams[0]).toEqual({ id: 'ws-a', name: 'A. Models', color: '#1f6feb', kept: true });
    expect(value.exportedAt).toBe(NOW);
  });

  it('one workstream: its documents only', () => {
    const index = { workstreams: WS, documents: Array.from({ length: 10 }, (_, i) => doc(i)) };
    const value = JSON.parse(all(exportJsonPieces(index, NOW, 'ws-a', 100)).join(''));
    expect(value.documents).toHaveLength(5);
    expect(value.workstreams.map((w: Workstream) => w.id)).toEqual(['ws-a']);
  });

  it('the CSV form: a header, then every row once, across parts', () => {
    const index = { workstreams: WS, documents: Array.from({ length: 1_234 }, (_, i) => doc(i, 5)) };
    const text = all(exportCsvPieces(index, undefined, NOW, 10_000)).join('');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
    expect(rows).toHaveLength(1_235);
    expect(rows.at(-1)![0]).toBe(doc(1_233).id);
    expect(rows.some((r) => r.length === 1 && r[0] === '')).toBe(false);
    expect(rows[1]![rows[0]!.indexOf('workstream')]).toBe("'=B");
    expect(all(exportCsvPieces({ workstreams: [], documents: [] })).join('')).toBe(`${rows[0]!.join(',')}\r\n`);
  });

  // 200,000 short documents here (the count is what grows a message); 1.4 kB each: the E1 benchmark.
  it('200,000 documents: pieces of about EXPORT_PIECE_CHARS, made one at a time', () => {
    const documents = Array.from({ length: 200_000 }, (_, i) => doc(i, 0));
    const file = exportJsonPieces({ workstreams: WS, documents }, NOW);
    expect(file.documents).toBe(200_000);
    let count = 0;
    let chars = 0;
    let first = '';
    let last = '';
    for (let r = file.pieces.next(); !r.done; r = file.pieces.next()) {
      if (!count) first = r.value;
      last = r.value;
      count++;
      chars += r.value.length;
      // Never far above the size (one document over at most).
      expect(r.value.length).toBeLessThan(EXPORT_PIECE_CHARS + 5_000);
    }
    expect(chars).toBeGreaterThan(200_000 * 300);
    expect(count).toBeGreaterThan(chars / (EXPORT_PIECE_CHARS + 5_000));
    expect(first.startsWith('{\n  "format": "docket-index"')).toBe(true);
    expect(last.endsWith('\n  ]\n}\n')).toBe(true);
  });
});

describe('export and export/piece', () => {
  let db: DocketDB;
  let call: Call;
  let n = 0;
  beforeEach(async () => {
    db = await openDocketDb(`export-pieces-${++n}`);
    call = caller(fakeDeps(db), PAGE);
  });
  afterEach(() => db.close());
  const ok = async (type: string, data: unknown) => {
    const reply = await call(type, data);
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  };

  it('answers with the name and size, then the text in pieces no larger than one piece', async () => {
    const documents = Array.from({ length: 3_000 }, (_, i) => doc(i, 1_100));
    await ok('docs/track', { documents, workstreams: WS });
    const started = await ok('export', { format: 'json' });
    expect(started).toEqual({
      exportId: expect.any(String),
      filename: `docket-index-${DAY}.json`,
      mime: 'application/json',
      documents: 3_000,
    });
    const sizes: number[] = [];
    const send = async (type: string, data: any) => {
      const reply = await ok(type, data);
      sizes.push(JSON.stringify(reply).length);
      // A lost reply: the same piece asked again comes again.
      if (data.index === 1) expect(await ok(type, data)).toEqual(reply);
      return reply;
    };
    const blob = await receiveExport(send as never, started);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThan(2 * EXPORT_PIECE_CHARS);
    const value = JSON.parse(await blob.text());
    expect(value.documents).toHaveLength(3_000);
    expect(blob.type).toBe('application/json');
  });

  it('a piece out of order (the background restarted) is refused with what to do', async () => {
    await ok('docs/track', { documents: [doc(1)], workstreams: WS });
    const started = await ok('docs/export', { ids: [doc(1).id], format: 'csv' });
    expect(started.filename).toBe(`docket-1-document-${DAY}.csv`);
    const reply = await call('export/piece', { exportId: started.exportId, index: 3 });
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/Export again/),
      said: { key: 'error_export_restarted' },
    });
  });
});

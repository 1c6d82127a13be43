/**
 * Scan's memory of corrections in the JSON export (issue 20, §4): written with the whole index, read
 * back the same, absent from older files and from one workstream's export, and never a reason to
 * refuse a file.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDocketDb } from '@/utils/background/db/schema';
import { runMerge } from '@/utils/background/sync';
import { loadCorrections, saveCorrections } from '@/utils/shared/scan-memory';
import { exportJson } from '@/utils/background/interchange/export';
import { parseImport } from '@/utils/background/interchange/parse';
import type { Correction } from '@/utils/shared/scan-memory';
import type { DocRecord, Workstream } from '@/utils/shared/model';

const NOW = '2026-11-22T10:00:00.000Z';
const WS: Workstream[] = [
  { id: 'ws-d', name: 'D. Member survey', color: '#1f6feb' },
  { id: 'ws-b', name: 'B. Budget', color: '#8250df' },
];
const DOCS: DocRecord[] = [
  { id: '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI', kind: 'document', aliases: [], workstreamId: 'ws-d', updatedAt: NOW },
];
const MEMORY: Correction[] = [
  { site: 'www.intgovforum.org', item: 'C. Survey process', workstreamId: 'ws-d', workstreamName: 'D. Member survey', at: NOW },
  { site: 'lists.w3.org', item: 'Budget', workstreamId: 'ws-b', workstreamName: 'B. Budget', at: '2026-11-01T08:00:00.000Z' },
];

const read = (text: string, existing: Workstream[] = []) => {
  const r = parseImport(text, 'docket-index.json', { existingWorkstreams: existing, now: NOW });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('scan memory in the JSON export', () => {
  it('round-trips with the whole index', () => {
    const text = exportJson({ workstreams: WS, documents: DOCS }, NOW, undefined, MEMORY).text;
    expect(JSON.parse(text).scanMemory).toEqual(MEMORY);
    const back = read(text);
    expect(back.scanMemory).toEqual(MEMORY);
    expect(back.documents.map((d) => d.id)).toEqual(DOCS.map((d) => d.id));
  });
  it('is left out when there is none, and from one workstream’s export', () => {
    expect(JSON.parse(exportJson({ workstreams: WS, documents: DOCS }, NOW).text)).not.toHaveProperty('scanMemory');
    expect(JSON.parse(exportJson({ workstreams: WS, documents: DOCS }, NOW, 'ws-d', MEMORY).text)).not.toHaveProperty(
      'scanMemory',
    );
  });
  it('reads a file of an older Docket (no memory) as before', () => {
    const old = JSON.stringify({ format: 'docket-index', version: 1, workstreams: WS, documents: DOCS });
    const back = read(old);
    expect(back.scanMemory).toBeUndefined();
    expect(back.documents).toHaveLength(1);
  });
  it.each<[string, unknown, string[]]>([
    ['not a list', { site: 'x' }, []],
    ['entries that are not corrections', [null, 3, { item: 'Budget' }], []],
    ['an entry whose workstream is neither in the file nor in the index', [{ ...MEMORY[0], workstreamId: 'ws-gone' }], []],
    ['good entries among bad ones', [MEMORY[1], 'x'], ['Budget']],
  ])('imports the rest of a file whose memory holds %s', (_name, scanMemory, items) => {
    const text = JSON.stringify({ format: 'docket-index', version: 1, workstreams: WS, documents: DOCS, scanMemory });
    const back = read(text);
    expect(back.documents).toHaveLength(1);
    expect((back.scanMemory ?? []).map((c) => c.item)).toEqual(items);
  });
  it('keeps an entry whose workstream is already in the index', () => {
    const text = JSON.stringify({ format: 'docket-index', version: 1, documents: [], scanMemory: [MEMORY[0]] });
    expect(read(text, [WS[0]!]).scanMemory).toEqual([MEMORY[0]]);
    expect(read(text).scanMemory).toBeUndefined();
  });
});

describe('importing a file with scan memory', () => {
  beforeEach(() => fakeBrowser.reset());
  const journal = { begin: vi.fn(async () => undefined), end: vi.fn(async () => undefined) };
  let n = 0;
  const run = async (text: string, apply: boolean) =>
    runMerge({
      db: await openDocketDb(`scan-memory-${++n}`),
      text,
      filename: 'docket-index.json',
      now: NOW,
      apply,
      journal,
      newId: () => `op-${n}`,
    });

  it('merges it with the member’s own on apply (the later choice wins), and not on preview', async () => {
    const mine: Correction = { ...MEMORY[0]!, workstreamId: 'ws-b', workstreamName: 'B. Budget', at: '2026-12-01T00:00:00.000Z' };
    await saveCorrections([mine]);
    const text = exportJson({ workstreams: WS, documents: DOCS }, NOW, undefined, MEMORY).text;
    await run(text, false);
    expect(await loadCorrections()).toEqual([mine]);
    await run(text, true);
    // Mine is later than the file's entry for the same item; the file's other entry is added.
    expect(await loadCorrections()).toEqual([mine, MEMORY[1]]);
  });
});

import { describe, expect, it } from 'vitest';
import type { DocRecord } from '@/utils/shared/model';
import type { ImportReport, MergeConflict } from '@/utils/shared/reports';
import { parseDaysBefore } from '@/utils/popup/inputs';
import { sameVersion } from '@/utils/popup/conflicts';
import { cleanHeading, parseStatusFilter } from '@/utils/popup/params';
import {
  importProgressText,
  interruptedText,
  snapshotCounts,
  syncCountsText,
  importButtonLabel,
  importSummary,
} from '@/utils/popup/report-text';
import { patternLabel } from '@/utils/popup/doc-text';

function doc(id: string, over: Partial<DocRecord> = {}): DocRecord {
  return { id, kind: 'document', aliases: [], updatedAt: '2020-08-27T14:00:00.000Z', ...over };
}

describe('small formatters', () => {
  it.each([
    ['active', 'active'],
    ['all', 'all'],
    ['open-for-comments', 'open-for-comments'],
    ['bogus', 'active'],
  ])('parseStatusFilter(%s) = %s', (v, expected) => {
    expect(parseStatusFilter(v)).toBe(expected);
  });

  it.each([
    ['*://docs.google.com/*', 'docs.google.com'],
    ['*://*.intgovforum.org/*', '*.intgovforum.org'],
    ['https://example.org/*', 'example.org'],
    ['weird', 'weird'],
  ])('patternLabel(%s) = %s', (p, expected) => {
    expect(patternLabel(p)).toBe(expected);
  });

  const report = (d: [number, number, number, number], w: [number, number, number, number]): ImportReport => ({
    documents: { added: d[0], updated: d[1], unchanged: d[2], refused: d[3] },
    workstreams: { added: w[0], updated: w[1], unchanged: w[2], refused: w[3] },
    refused: [],
    applied: false,
  });

  it.each<[ImportReport, string, string]>([
    [
      report([5, 2, 0, 1], [3, 0, 0, 0]),
      'Imported: 5 documents added, 2 updated, 1 refused; 3 workstreams added, 0 updated, 0 refused.',
      'Import 7 documents and 3 workstreams',
    ],
    [
      report([1, 0, 4, 0], [0, 0, 2, 0]),
      'Imported: 1 document added, 0 updated, 0 refused; 0 workstreams added, 0 updated, 0 refused.',
      'Import 1 document',
    ],
    [
      report([0, 0, 3, 0], [0, 1, 0, 0]),
      'Imported: 0 documents added, 0 updated, 0 refused; 0 workstreams added, 1 updated, 0 refused.',
      'Import 1 workstream',
    ],
    [
      report([0, 0, 3, 2], [0, 0, 0, 0]),
      'Imported: 0 documents added, 0 updated, 2 refused; 0 workstreams added, 0 updated, 0 refused.',
      'Import (nothing changes)',
    ],
  ])('import texts %#', (r, summary, button) => {
    expect(importSummary(r)).toBe(summary);
    expect(importButtonLabel(r)).toBe(button);
    expect(importButtonLabel(r).startsWith('Import')).toBe(true);
  });
});

describe('smaller helpers', () => {
  it.each([
    ['B. Improvements to the IGF:', 'B. Improvements to the IGF'],
    ['  C.  Strengthening\n the IGF outcomes  ', 'C. Strengthening the IGF outcomes'],
    ['', ''],
  ])('cleanHeading(%j)', (text, expected) => expect(cleanHeading(text)).toBe(expected));

  it('sameVersion: same fields in any key order; another updatedAt or value is another version', () => {
    const a = doc('1a', { title: 'T', deadline: '2020-09-10' });
    const reordered = { deadline: '2020-09-10', title: 'T', ...doc('1a') } as DocRecord;
    expect(sameVersion(a, reordered)).toBe(true);
    expect(sameVersion(a, { ...a, updatedAt: '2020-09-01T00:00:00.000Z' })).toBe(false);
    expect(sameVersion(a, { ...a, title: 'U' })).toBe(false);
    expect(sameVersion(a, { ...a, notes: undefined })).toBe(true);
  });

  it.each<[string, number | null]>([
    ['0', 0],
    ['2', 2],
    ['30', 30],
    [' 7 ', 7],
    ['31', null],
    ['-1', null],
    ['1.5', null],
    ['', null],
    ['abc', null],
  ])('parseDaysBefore(%j) = %s', (v, n) => expect(parseDaysBefore(v)).toBe(n));

  const counts = (added: number, updated: number, unchanged = 0, refused = 0) => ({ added, updated, unchanged, refused });
  const rep = (d: ReturnType<typeof counts>, w = counts(0, 0), conflicts: MergeConflict[] = []): ImportReport => ({
    documents: d,
    workstreams: w,
    refused: [],
    applied: true,
    conflicts,
  });

  it.each<[ImportReport | undefined, string]>([
    [rep(counts(1000, 200)), 'Importing 1,200 documents…'],
    [rep(counts(1, 0)), 'Importing 1 document…'],
    [rep(counts(0, 0, 5)), 'Importing big.json…'],
    [undefined, 'Importing big.json…'],
  ])('importProgressText %#', (r, text) => expect(importProgressText(r, 'big.json')).toBe(text));

  it.each<[ImportReport, string]>([
    [rep(counts(3, 1, 40)), 'Documents: 3 new, 1 updated, 40 unchanged.'],
    [
      rep(counts(0, 0, 2, 1), counts(1, 0)),
      'Documents: 0 new, 0 updated, 2 unchanged, 1 refused; workstreams: 1 new, 0 updated.',
    ],
    [
      rep(counts(0, 1), counts(0, 0), [{ docId: 'a', title: 'A', field: 'deadline', winner: 'local' }]),
      'Documents: 0 new, 1 updated, 0 unchanged; 1 change on both sides, yours kept and flagged.',
    ],
  ])('syncCountsText %#', (r, text) => {
    expect(syncCountsText(r)).toBe(text);
    // Never the import report's word: the e2e harness finds that report by it.
    expect(text).not.toMatch(/added/);
  });

  it.each([
    [
      { label: 'import of big.json', startedAt: '2026-11-22T10:00:00.000Z' },
      'The import of big.json started at Sun, Nov 22, 2026, 10:00 AM was interrupted; nothing of it was written. Import it again.',
    ],
    [
      { label: 'sync of “WG sheet”', startedAt: '2026-11-22T10:00:00.000Z' },
      'The sync of “WG sheet” started at Sun, Nov 22, 2026, 10:00 AM was interrupted; nothing of it was written. It runs again at the next sync.',
    ],
  ])('interruptedText %#', (i, text) => expect(interruptedText(i, 'UTC')).toBe(text));

  it('snapshotCounts', () => {
    expect(snapshotCounts({ documents: 1, workstreams: 0 })).toBe('1 document, 0 workstreams');
  });
});

import { describe, expect, it } from 'vitest';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import { countByWorkstream } from '@/utils/popup/doc-text';
import { commonGroup, newWorkstreamId, nextWorkstreamColor } from '@/utils/shared/workstreams';

const WS: Workstream[] = [
  { id: 'ws-imp', name: 'B. Improvements to the IGF', group: 'WG-Strategy', color: '#8250df' },
  {
    id: 'ws-hlb',
    name: 'A. Possible implementation models for the Roadmap’s High-level body',
    group: 'WG-Strategy',
    color: '#1f6feb',
  },
  { id: 'ws-out', name: 'C. Strengthening IGF outcomes', group: 'WG-Strategy', color: '#bf3989' },
];

function doc(id: string, over: Partial<DocRecord> = {}): DocRecord {
  return { id, kind: 'document', aliases: [], updatedAt: '2020-08-27T14:00:00.000Z', ...over };
}

const DOCS: DocRecord[] = [
  doc('1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI', {
    title: 'Possible implementation models for the MHLB',
    workstreamId: 'ws-hlb',
    deadline: '2020-09-10',
    deadlineNote: 'feedback before the next WG meeting',
    status: 'open-for-comments',
  }),
  doc('1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd', {
    title: 'Response document to the Options Paper',
    workstreamId: 'ws-hlb',
    deadline: '2020-09-25',
    status: 'draft',
    notes: 'to the co-champions of Recommendations 5A/B',
  }),
  doc('1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y', {
    title: 'Improvements to the IGF: proposals',
    workstreamId: 'ws-imp',
    deadline: '2020-09-01',
    status: 'open-for-comments',
  }),
  doc('1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4', {
    title: 'Annual work plan',
    workstreamId: 'ws-imp',
    status: 'delivered',
    deadline: '2020-08-01',
  }),
  doc('1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { workstreamId: 'ws-gone', status: 'final' }),
  doc('1BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', { title: 'Archived notes', status: 'archived' }),
  doc('1CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', { title: 'Meeting VII summary', deadline: '2020-09-08' }),
  doc('1DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD', { title: 'a later doc', workstreamId: 'ws-hlb', deadline: '2020-09-10' }),
];

describe('workstream helpers', () => {
  it.each([
    ['A. Possible implementation models for the Roadmap’s High-level body', [], 'ws-a-possible-implementation-models'],
    ['B. Improvements to the IGF', ['ws-b-improvements-to-the-igf'], 'ws-b-improvements-to-the-igf-2'],
    [
      'B. Improvements to the IGF',
      ['ws-b-improvements-to-the-igf', 'ws-b-improvements-to-the-igf-2'],
      'ws-b-improvements-to-the-igf-3',
    ],
    ['Économie numérique', [], 'ws-economie-numerique'],
    ['★★★', [], 'ws'],
    ['★★★', ['ws'], 'ws-2'],
  ])('newWorkstreamId(%j, %j) = %s', (name, taken, expected) => {
    expect(newWorkstreamId(name, taken)).toBe(expected);
  });

  it.each<[string, Workstream[], string]>([
    ['first unused palette colour', WS, '#cf222e'],
    ['none yet', [], '#1f6feb'],
    ['case-insensitive', [{ id: 'a', name: 'a', color: '#1F6FEB' }], '#8250df'],
  ])('nextWorkstreamColor: %s', (_n, ws, expected) => {
    expect(nextWorkstreamColor(ws)).toBe(expected);
  });

  it('counts documents per workstream', () => {
    expect(Object.fromEntries(countByWorkstream(DOCS))).toEqual({ 'ws-hlb': 3, 'ws-imp': 2, 'ws-gone': 1 });
  });

  it.each<[Workstream[], string]>([
    [WS, 'WG-Strategy'],
    [[], ''],
    [
      [
        { id: 'a', name: 'a' },
        { id: 'b', name: 'b', group: 'X' },
        { id: 'c', name: 'c', group: 'Y' },
        { id: 'd', name: 'd', group: 'Y' },
      ],
      'Y',
    ],
  ])('commonGroup → %s', (ws, expected) => {
    expect(commonGroup(ws)).toBe(expected);
  });
});

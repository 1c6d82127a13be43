/** The demo's sample index (npm start): the 2020 deadlines moved to around the day it runs; the fixture unchanged. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAYS_SINCE_MEETING, DEMO_MEETING, demoShift, shiftDeadlines } from '@/scripts/lib/demo-index.mjs';
import { addDays } from '@/utils/shared/calendar';
import { urgencyOf } from '@/utils/shared/urgency';
import type { DocRecord } from '@/utils/shared/model';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/sample-index.json');

describe('the demo’s deadlines', () => {
  it.each(['2026-12-04', '2027-02-28', '2028-02-29', '2020-09-06'])('on %s the meeting was ten days before', (today) => {
    expect(addDays(DEMO_MEETING, demoShift(today))).toBe(addDays(today, -DAYS_SINCE_MEETING));
  });

  it('move by whole days: one overdue, some due this week, the delivered one done; nothing else changes', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const sample = JSON.parse(text) as { documents: DocRecord[]; workstreams: unknown[] };
    const today = '2026-12-04';
    const shifted = shiftDeadlines(sample as unknown as { documents: Array<Record<string, unknown>> }, today) as unknown as {
      documents: DocRecord[];
      workstreams: unknown[];
    };
    expect(JSON.parse(readFileSync(FIXTURE, 'utf8'))).toEqual(sample);
    expect(readFileSync(FIXTURE, 'utf8')).toBe(text);
    const shift = demoShift(today);
    shifted.documents.forEach((d, i) => {
      const before = sample.documents[i]!;
      expect({ ...d, deadline: before.deadline }).toEqual(before);
      if (before.deadline) expect(d.deadline).toBe(addDays(before.deadline, shift));
    });
    const urgencies = shifted.documents.map((d) => urgencyOf(d, today));
    expect(urgencies.filter((u) => u === 'overdue').length).toBeGreaterThanOrEqual(1);
    expect(urgencies.filter((u) => u === 'due-soon').length).toBeGreaterThanOrEqual(3);
    expect(urgencies).toContain('done');
    expect(shifted.workstreams).toEqual(sample.workstreams);
  });
});

import { describe, expect, it } from 'vitest';
import sample from '@/tests/fixtures/sample-index.json';
import { SAMPLE_DOC_IDS, isSampleWorkstream, sampleIndexText } from '@/utils/popup/sample';

describe('sampleIndexText', () => {
  const file = JSON.parse(sampleIndexText('2026-12-07')) as typeof sample;

  it('is the demo’s index, every workstream and document marked as a sample', () => {
    expect(file.format).toBe('docket-index');
    expect(file.workstreams).toHaveLength(sample.workstreams.length);
    for (const w of file.workstreams) {
      expect(isSampleWorkstream(w)).toBe(true);
      expect(w.name).toMatch(/^Sample · /);
      expect(w.group).toBe('Sample data');
    }
    expect(file.documents.map((d) => d.id)).toEqual(SAMPLE_DOC_IDS);
    for (const d of file.documents) {
      expect(isSampleWorkstream({ id: d.workstreamId })).toBe(true);
      expect(d.notes).toMatch(/^\(Sample data\.\)/);
    }
  });

  it('moves the deadlines as the demo does: the 27 August 2020 meeting ten days before today', () => {
    const shift = (day: string) => file.documents.find((d) => d.id === sample.documents[0]!.id)!.deadline === day;
    // 2020-09-10 is 14 days after the meeting: 4 days after today.
    expect(sample.documents[0]!.deadline).toBe('2020-09-10');
    expect(shift('2026-12-11')).toBe(true);
  });

  it('leaves the member’s own workstreams alone', () => {
    expect(isSampleWorkstream({ id: 'ws-hlb' })).toBe(false);
    expect(isSampleWorkstream({ id: 'my-sample-ws' })).toBe(false);
  });
});

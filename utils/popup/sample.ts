/**
 * "Try it with sample data": the demo's index (tests/fixtures/sample-index.json, deadlines moved as the demo
 * moves them, scripts/lib/demo-index.mjs), marked as a sample everywhere it shows: its workstreams' ids begin
 * with `sample-` and their names and group say "Sample". Removing it deletes those documents and workstreams
 * only: what the member tracked meanwhile stays.
 */
import sample from '../../tests/fixtures/sample-index.json';
import { shiftDeadlines } from '../../scripts/lib/demo-index.mjs';
import { t } from '../shared/i18n';

export const SAMPLE_PREFIX = 'sample-';

export function isSampleWorkstream(ws: { id: string }): boolean {
  return ws.id.startsWith(SAMPLE_PREFIX);
}

/** The sample as an interchange file (JSON text), marked, its deadlines around `today` (YYYY-MM-DD). */
export function sampleIndexText(today: string): string {
  const shifted = shiftDeadlines(sample as unknown as Parameters<typeof shiftDeadlines>[0], today);
  const file = {
    ...shifted,
    workstreams: sample.workstreams.map((w) => ({
      ...w,
      id: SAMPLE_PREFIX + w.id,
      name: t('sample_ws_name', { name: w.name }),
      group: t('sample_group'),
    })),
    documents: shifted.documents.map((d) => ({
      ...d,
      workstreamId: typeof d.workstreamId === 'string' ? SAMPLE_PREFIX + d.workstreamId : d.workstreamId,
      notes: [t('sample_note'), typeof d.notes === 'string' ? d.notes : ''].filter(Boolean).join(' '),
    })),
  };
  return JSON.stringify(file);
}

/** The sample's document ids (to remove them). */
export const SAMPLE_DOC_IDS: readonly string[] = sample.documents.map((d) => d.id);

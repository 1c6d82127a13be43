/**
 * Saving an edit made in one of several windows (issue 13, item 13): only the fields the editor
 * changed since it opened are written, onto the document as it is now. Two popups editing one
 * document each keep their own change; the editor still warns that another window changed it.
 */
import type { DocRecord } from '../shared/model';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `stored`: the document as the index holds it now (undefined: gone); `base`: as the editor
 * opened it; `edited`: as the editor saves it. Without a stored document, the edited one whole.
 */
export function mergeEdit(stored: DocRecord | undefined, base: DocRecord, edited: DocRecord): DocRecord {
  if (!stored || stored.id !== edited.id || base.id !== edited.id) return edited;
  const out = { ...stored } as Record<string, unknown>;
  const before = base as unknown as Record<string, unknown>;
  const after = edited as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'id' || key === 'updatedAt' || same(before[key], after[key])) continue;
    if (after[key] === undefined) delete out[key];
    else out[key] = after[key];
  }
  out.updatedAt = edited.updatedAt;
  return out as unknown as DocRecord;
}

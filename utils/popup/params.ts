/** Values the popup's parameters carry (status filter, a heading as a workstream name); its URL: utils/shared/page-urls.ts. */
import { STATUS_LABELS } from '../shared/states';
import { isStatus, type Status } from '../shared/model';
import type { StatusFilter } from '../shared/doc-order';

/** The status `<select>` of the Documents view: value and label. */
export const STATUS_FILTER_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'all', label: 'All' },
  ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value: value as Status, label })),
];

export function parseStatusFilter(value: string): StatusFilter {
  return value === 'all' || value === 'active' || isStatus(value) ? value : 'active';
}

/** A heading as the page shows it, tidied to be a workstream's name ("B. Improvements to the IGF:" → "B. Improvements to the IGF"). */
export function cleanHeading(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim()
    .slice(0, 200);
}

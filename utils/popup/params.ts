/** Values the popup's parameters carry (status filter, a heading as a workstream name); its URL: utils/shared/page-urls.ts. */
import { STATUS_LABELS } from '../shared/states';
import { STATUSES, isStatus } from '../shared/model';
import { t } from '../shared/i18n';
import type { StatusFilter } from '../shared/doc-order';

/** The status `<select>` of the Documents view: value and label. */
export const STATUS_FILTER_OPTIONS: ReadonlyArray<{ value: StatusFilter; readonly label: string }> = [
  {
    value: 'active',
    get label() {
      return t('filter_status_active');
    },
  },
  {
    value: 'all',
    get label() {
      return t('filter_status_all');
    },
  },
  // Read in the language in use each time (not once, when this module loads).
  ...STATUSES.map((value) => ({
    value,
    get label() {
      return STATUS_LABELS[value];
    },
  })),
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

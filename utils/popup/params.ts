/** popup.html's URL parameters, and the values they carry (status filter, a heading as a workstream name). */
import { STATUS_LABELS } from '../shared/states';
import { isStatus, type Status } from '../shared/model';
import type { StatusFilter } from '../shared/doc-order';

export interface PopupParams {
  /** `?tab=`: act on this tab instead of the active one. */
  tabId?: number;
  /** `?edit=`: open the editor on this document. */
  edit?: string;
  /**
   * `?track=` and its companions: open the editor to track a new document. `wsGuess`: the heading
   * the link stands under ("Track in Docket…"); `sourceTitle`: the page's title.
   */
  track?: { url: string; title?: string; source?: string; workstreamId?: string; wsGuess?: string; sourceTitle?: string };
  /** `?close=1`: close the window after Save or Cancel. */
  close: boolean;
  /** `?q=`: prefill the search box (the address bar's `dk` when nothing matched). */
  q?: string;
}

/** Reads popup.html's URL parameters (`location.search`). */
export function parsePopupParams(search: string): PopupParams {
  const p = new URLSearchParams(search);
  const out: PopupParams = { close: p.get('close') === '1' || p.get('close') === 'true' };
  const tab = p.get('tab');
  if (tab && /^\d+$/.test(tab)) out.tabId = Number(tab);
  const edit = p.get('edit');
  if (edit) out.edit = edit;
  const track = p.get('track');
  if (track) {
    out.track = { url: track };
    const title = p.get('title');
    const source = p.get('source');
    const ws = p.get('ws');
    if (title) out.track.title = title;
    if (source) out.track.source = source;
    if (ws) out.track.workstreamId = ws;
    const wsGuess = p.get('wsGuess')?.trim();
    const sourceTitle = p.get('sourceTitle')?.trim();
    if (wsGuess) out.track.wsGuess = wsGuess;
    if (sourceTitle) out.track.sourceTitle = sourceTitle;
  }
  const q = p.get('q');
  if (q?.trim()) out.q = q;
  return out;
}

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

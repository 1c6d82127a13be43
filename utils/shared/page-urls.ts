/**
 * The URLs of Docket's own pages: popup.html (the toolbar popup, also opened as a tab or a small window by
 * the background) and docket.html (Docket in a tab). Read by the pages, built by the background and the popup.
 */

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
  /** `?scan=1`: open on the Scan view ("Scan this page with Docket"). */
  scan?: boolean;
  /** `?join=`: the join view with this address filled in (utils/popup/join.ts checks it). */
  join?: string;
}

/** What a link to popup.html says: any of its parameters (`close` false when absent). */
export type PopupLink = Partial<PopupParams>;

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
  if (/^(?:1|true)$/.test(p.get('scan') ?? '')) out.scan = true;
  const join = p.get('join')?.trim();
  if (join) out.join = join;
  return out;
}

/** A query string with its `?`, or '' when empty. */
const query = (p: URLSearchParams) => {
  const text = p.toString();
  return text ? `?${text}` : '';
};

/** popup.html's query string for `link` (with its `?`; '' for none): what `parsePopupParams` reads back. */
export function popupSearch(link: PopupLink): string {
  const p = new URLSearchParams();
  if (link.close) p.set('close', '1');
  if (link.tabId !== undefined) p.set('tab', String(link.tabId));
  if (link.edit) p.set('edit', link.edit);
  const track = link.track;
  if (track) {
    p.set('track', track.url);
    if (track.title) p.set('title', track.title);
    if (track.source) p.set('source', track.source);
    if (track.workstreamId) p.set('ws', track.workstreamId);
    if (track.wsGuess) p.set('wsGuess', track.wsGuess);
    if (track.sourceTitle) p.set('sourceTitle', track.sourceTitle);
  }
  if (link.q) p.set('q', link.q);
  if (link.scan) p.set('scan', '1');
  if (link.join) p.set('join', link.join);
  return query(p);
}

export const FULL_VIEWS = ['table', 'timeline', 'scan', 'deleted'] as const;
export type FullView = (typeof FULL_VIEWS)[number];

export interface FullPageParams {
  view: FullView;
  /** The tab to scan (`?tab=`), when opened from the popup's Scan view. */
  tabId?: number;
  /** The search box (`?q=`). */
  q?: string;
}

export function parseFullPageParams(search: string): FullPageParams {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  const out: FullPageParams = { view: (FULL_VIEWS as readonly string[]).includes(view ?? '') ? (view as FullView) : 'table' };
  const tab = p.get('tab');
  if (tab && /^\d+$/.test(tab)) out.tabId = Number(tab);
  const q = p.get('q');
  if (q?.trim()) out.q = q;
  return out;
}

/** docket.html's query string for `link` (with its `?`; '' for the table with nothing else). */
export function fullPageSearch(link: Partial<FullPageParams>): string {
  const p = new URLSearchParams();
  if (link.view && link.view !== 'table') p.set('view', link.view);
  if (link.tabId !== undefined) p.set('tab', String(link.tabId));
  if (link.q) p.set('q', link.q);
  return query(p);
}

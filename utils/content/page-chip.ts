/**
 * On a Google document's own page (Docs, Sheets, Slides, Forms, Drive), a small chip in the
 * corner: the document's workstream, deadline and status, or a button to track it.
 * Same look and card as a badge, in its own `<docket-chip>` host (not a link's badge).
 */
import { parseDocLink } from '../shared/links';
import type { BadgeFields } from '../shared/model';
import { createFixedHost, removeStaleFixed, renderBadge, type BadgeActions } from './badge-view';
import { pageIsDark } from './page-tone';

export const CHIP_TAG = 'docket-chip';
const GOOGLE_DOC_HOST = /^(docs|drive)\.google\.com$/;

/** The document a Google page shows, or null elsewhere. */
export function pageDocument(href: string): { id: string } | null {
  try {
    if (!GOOGLE_DOC_HOST.test(new URL(href).hostname)) return null;
  } catch {
    return null;
  }
  return parseDocLink(href);
}

/** "Minutes - Google Docs" → "Minutes". */
export function titleOfPage(title: string): string {
  return title.replace(/\s+[-–]\s+Google (Docs|Sheets|Slides|Forms|Drawings|Drive)$/, '').trim();
}

export interface PageChip {
  /** Look at the page's address again (navigation) and the index (revision). */
  refresh(): Promise<void>;
  dispose(): void;
}

export function startPageChip(opts: {
  doc: Document;
  href: () => string;
  lookup(ids: string[]): Promise<Record<string, BadgeFields>>;
  actions: BadgeActions;
  today(): string;
}): PageChip {
  const { doc } = opts;
  removeStaleFixed(doc, CHIP_TAG);
  let host: HTMLElement | null = null;
  let drawn = '';

  async function refresh(): Promise<void> {
    const ref = pageDocument(opts.href());
    if (!ref) {
      host?.remove();
      host = null;
      return;
    }
    const records = await opts.lookup([ref.id]);
    // Own keys only: an id such as `constructor` must not find Object.prototype's.
    const record = Object.hasOwn(records, ref.id) ? records[ref.id]! : null;
    const key = JSON.stringify([ref.id, record, opts.today()]);
    if (host?.isConnected && key === drawn) return;
    drawn = key;
    if (!host) {
      host = createFixedHost(doc, CHIP_TAG, { right: '16px', bottom: '16px', left: 'auto', top: 'auto' });
    }
    if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
    // The "link" a track action reads: this page, titled as Google titles it.
    const self = doc.createElement('a');
    self.setAttribute('href', opts.href());
    self.textContent = titleOfPage(doc.title);
    renderBadge(host, { linkId: ref.id, record, today: opts.today(), dark: pageIsDark(doc), up: true }, opts.actions, self);
  }

  return {
    refresh,
    dispose() {
      host?.remove();
      host = null;
    },
  };
}

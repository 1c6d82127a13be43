/**
 * The one notice, fixed in a corner of the page, for the links a very large page left without a
 * badge (the linker badges at most `max` links a page): plain text in a closed shadow root.
 */
import { formatGrouped, tn } from '../shared/i18n';
import { createFixedHost, shadowOf } from './badge-view';

export const NOTICE_TAG = 'docket-notice';

export interface OverflowNotice {
  /** Say (again) how many links went without a badge; put the notice back if the page removed it. */
  show(max: number, skipped: number): void;
  remove(): void;
}

export function overflowNotice(doc: Document): OverflowNotice {
  let host: HTMLElement | null = null;
  return {
    show(max, skipped) {
      if (!host) {
        host = createFixedHost(doc, NOTICE_TAG, { left: '12px', bottom: '12px' });
        const text = doc.createElement('span');
        text.className = 'b';
        text.setAttribute('role', 'status');
        shadowOf(host).append(text);
      }
      if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
      shadowOf(host).querySelector('span')!.textContent = tn('notice_too_many_links', skipped, {
        max: formatGrouped(max),
        count: formatGrouped(skipped),
      });
    },
    remove() {
      host?.remove();
      host = null;
    },
  };
}

/**
 * The one notice, fixed in a corner of the page, for the links a very large page left without a
 * badge (the linker badges at most `max` links a page): plain text in a closed shadow root.
 */
import { formatGrouped, tn, uiLang } from '../shared/i18n';
import { createFixedHost, shadowOf } from './badge-view';

export const NOTICE_TAG = 'docket-notice';

export interface OverflowNotice {
  /**
   * Say how many links went without a badge, in tasks of their own (once for a burst of calls): its first
   * words need the extension's messages and the browser's number formats, whose first use in Docket's world
   * took 45–70 ms together on the page of 100,000 links (S10), too much to add to a slice of reading or
   * inserting, or to one task. `skipped` is read when the notice is shown.
   */
  sayLater(max: number, skipped: () => number): void;
  /** Say (again) how many links went without a badge; put the notice back if the page removed it. */
  show(max: number, skipped: number): void;
  /** Take the notice away, and what it was about to say. */
  remove(): void;
}

export function overflowNotice(doc: Document): OverflowNotice {
  let host: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const notice: OverflowNotice = {
    sayLater(max, skipped) {
      if (timer !== undefined) return;
      // Each step a task: the messages' first read (~15–25 ms), the number format's making (~30–40 ms), the words.
      const steps = [() => uiLang(), () => formatGrouped(0)];
      const next = () => {
        timer = setTimeout(() => {
          const step = steps.shift();
          if (step) {
            step();
            next();
            return;
          }
          timer = undefined;
          notice.show(max, skipped());
        }, 0);
      };
      next();
    },
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
      clearTimeout(timer);
      timer = undefined;
      host?.remove();
      host = null;
    },
  };
  return notice;
}

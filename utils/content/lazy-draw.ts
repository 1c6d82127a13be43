/**
 * Draws a badge's inside when the member can see it. The host and its CONTRACT §3
 * attributes go in at once; what the chip shows (a few elements each) is built for the
 * first badges of a page straight away, and for the rest when they come near the
 * viewport. A page of 5,000 document links then builds tens of chips, not 5,000.
 */

/** Chips drawn at once on a page before drawing waits for the viewport (a page of minutes has tens). */
export const EAGER_DRAWS = 100;
/** How far outside the viewport a badge is drawn ahead of scrolling. */
const MARGIN = '100% 0px';

export interface LazyDraw {
  /** Draw now while the page's eager allowance lasts, else when `host` nears the viewport (the latest `draw` wins). */
  request(host: Element, draw: () => void): void;
  /** Draw `host` now if it is waiting (its link has the keyboard focus). */
  now(host: Element): void;
  /** Forget a host (its badge went away). */
  cancel(host: Element): void;
  /** Draw every waiting badge now (tests, and before the page is printed). */
  flush(): void;
  readonly waiting: number;
  /** How many more badges are drawn at once when asked (the rest wait for the viewport). */
  readonly eagerLeft: number;
  dispose(): void;
}

/** `batch`: runs the drawing of several badges at once (the linker reads their backgrounds together first). */
export function createLazyDraw(
  view: (Window & typeof globalThis) | null,
  eager = EAGER_DRAWS,
  batch: (work: () => void) => void = (work) => work(),
): LazyDraw {
  const pending = new Map<Element, () => void>();
  let allowance = eager;
  const Observer = view?.IntersectionObserver;
  let io: IntersectionObserver | undefined;
  /** Draw `host` if it is waiting, and stop watching it. */
  const drawWaiting = (host: Element) => {
    const draw = pending.get(host);
    if (!draw) return;
    pending.delete(host);
    io?.unobserve(host);
    draw();
  };
  /** Made when the first badge has to wait (most pages never need it). */
  const observer = () =>
    (io ??= new Observer!(
      (entries) =>
        batch(() => {
          for (const entry of entries) if (entry.isIntersecting) drawWaiting(entry.target);
        }),
      { rootMargin: MARGIN },
    ));
  const cancel = (host: Element) => {
    if (pending.delete(host)) io?.unobserve(host);
  };
  const flush = () =>
    batch(() => {
      for (const host of [...pending.keys()]) drawWaiting(host);
    });
  view?.addEventListener('beforeprint', flush);
  return {
    request(host, draw) {
      if (!Observer || allowance > 0) {
        allowance--;
        cancel(host);
        draw();
        return;
      }
      if (!pending.has(host)) observer().observe(host);
      pending.set(host, draw);
    },
    now: drawWaiting,
    cancel,
    flush,
    get waiting() {
      return pending.size;
    },
    get eagerLeft() {
      return Observer ? Math.max(allowance, 0) : Infinity;
    },
    dispose() {
      pending.clear();
      io?.disconnect();
      view?.removeEventListener('beforeprint', flush);
    },
  };
}

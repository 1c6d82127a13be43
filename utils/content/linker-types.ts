/**
 * What a Linker (linker.ts) is given (the page, how to look ids up, what badges do, its limits) and what it
 * keeps for each link it badges.
 */
import type { BadgeFields } from '../shared/model';
import type { BadgeActions } from './badge-view';
import type { ReinsertState } from './reinsert';

/** Badges on one page at most (a page of minutes has tens; an archive index, hundreds). */
export const MAX_BADGES = 20_000;

export interface LinkerOptions {
  doc: Document;
  /** One message for a batch of ids → the tracked ones among them. */
  lookup(ids: string[]): Promise<Record<string, BadgeFields>>;
  actions: BadgeActions;
  today(): string;
  /** Delay before a batch of page changes is handled. */
  batchDelayMs?: number;
  /** Badges one page gets at most; beyond, a notice says how many links went without. */
  maxBadges?: number;
  onError?(error: unknown): void;
  /**
   * Whether this copy of Docket still has its extension (false once it was updated, reloaded or
   * removed): checked before the page's changes are handled, so that a copy going away never
   * puts back the badges a newer copy just replaced.
   */
  alive?(): boolean;
  /** Ids per lookup message (tests: smaller chunks). */
  lookupChunk?: number;
  /** Chips drawn at once before drawing waits for the viewport (see lazy-draw.ts). */
  eagerDraws?: number;
}

/** A link's badge, as the linker keeps it. */
export interface Entry extends ReinsertState {
  id: string;
  host: HTMLElement;
  /**
   * What the badge was last drawn from (undefined: not drawn yet), to skip redraws that change nothing;
   * `dark` once its chip is drawn (the background it sits on).
   */
  drawn?: { record: BadgeFields | null; today: string; dark?: boolean };
  /** The host was just made: it carries no attributes yet. */
  fresh?: boolean;
  /** A look again at the link once the window is over. */
  retry?: ReturnType<typeof setTimeout>;
}

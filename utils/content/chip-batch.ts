/**
 * Drawing badges' chips light or dark after what each link sits on (issue 16, item 3), without making the
 * page compute its style once a chip: chips asked for during a batch (an insertion slice, a refresh, badges
 * scrolled into view) are drawn together, every background read first, then every chip drawn. Outside a
 * batch (a link taking the focus) a chip is drawn at once.
 */
import { drawChip, type BadgeActions, type BadgeState } from './badge-view';
import { sitsOnDark } from './page-tone';

export interface Chip {
  link: Element;
  host: HTMLElement;
  state: BadgeState;
  /** The badge's record of what it was drawn with: its `dark` is set when the chip is. */
  drawn: { dark?: boolean };
}

export class ChipBatch {
  private chips: Chip[] = [];
  private batching = 0;
  /** Which elements sit on a dark background, as far as read. */
  private tones = new WeakMap<Element, boolean>();

  constructor(
    private readonly actions: BadgeActions,
    private readonly live: () => boolean,
  ) {}

  /** Whether a link sits on a dark background (remembered with its ancestors until `forget`). */
  sitsOnDark(link: Element): boolean {
    return sitsOnDark(link.parentElement ?? link, this.tones);
  }

  /** The page may have changed its colours (the index changed: every badge is looked at again). */
  forget(): void {
    this.tones = new WeakMap();
  }

  get queued(): number {
    return this.chips.length;
  }

  batch(work: () => void): void {
    this.batching++;
    try {
      work();
    } finally {
      if (--this.batching === 0) this.flush();
    }
  }

  add(chip: Chip): void {
    this.chips.push(chip);
    if (!this.batching) this.flush();
  }

  /** Draw what is queued: backgrounds read first (read only for the chips drawn, those near the screen). */
  flush(): void {
    const chips = this.chips;
    this.chips = [];
    if (!this.live() || !chips.length) return;
    for (const c of chips) c.state.dark = c.drawn.dark = this.sitsOnDark(c.link);
    for (const c of chips) drawChip(c.host, c.state, this.actions, c.link);
  }
}

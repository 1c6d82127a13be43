/** What a badge is drawn from and what it can do. */
import type { BadgeFields } from '../shared/model';

export interface BadgeActions {
  /** Open a tracked document (a Google URL). */
  open(record: BadgeFields): void;
  edit(record: BadgeFields): void;
  /** Track an untracked link: Docket's editor opens on it. */
  track(link: Element, id: string): void;
}

export interface BadgeState {
  /** The id found in the link. */
  linkId: string;
  record: BadgeFields | null;
  today: string;
  dark: boolean;
  /** Open the card above the chip (a chip fixed at the bottom of the window). */
  up?: boolean;
}

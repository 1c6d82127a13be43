/** What Scan proposes for one document link: its own module, so that what reads it (learn.ts) need not import scan.ts. */
import type { DocKind, Status } from '../../shared/model';
import type { ItemChoice } from './item-cues';
import type { ZonedTime } from './relative-dates';

export interface ScanCandidate {
  id: string;
  kind: DocKind;
  /** Canonical URL (docUrl). */
  url: string;
  title: string;
  /** The proposed workstream's name: the matched workstream's, or the item's (a new one). */
  workstreamName?: string;
  /** An existing workstream that matched. */
  workstreamId?: string;
  /** The workstream is the one the member chose for this item before (learn.ts). */
  remembered?: boolean;
  /** The item heading as the page writes it. */
  section?: string;
  /** `YYYY-MM-DD` */
  deadline?: string;
  /** The sentence the deadline came from. */
  deadlineSentence?: string;
  /** The time and zone the sentence writes with the day ("11am ET"): the day is that zone's. */
  deadlineTime?: ZonedTime;
  status?: Status;
  /** The link's text (an `<a>`'s text, or the URL as written). */
  linkText?: string;
  /** Published-to-web or form responder id. */
  published?: boolean;
  /** The item choices weighed for the link's block (only with `explain`: the fit step's examples). */
  choices?: ItemChoice[];
}

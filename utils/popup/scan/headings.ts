/**
 * What a heading-looking line of minutes is, and how a careful secretary would name an item.
 *
 * Roles (see `headingRole`):
 * - `title`: the page's or the meeting's own title (an `<h1>` without an item mark, a heading
 *   that repeats the page's title or carries the meeting's full date). Not a workstream;
 *   what stands under it may be.
 * - `agenda`: "Agenda", "Notes", "Minutes", "Discussion"…: the items under it are workstreams.
 * - `container`: a section made only of generic words ("News, Information, and Thanks",
 *   "Working group updates", "Any Foundation/Staff Updates", "Open discussion queue"): its items
 *   are the workstreams, never the container.
 * - `reset`: "Attendees", "Logistics", "Links", "Meeting recordings", "Next meeting"…: nothing
 *   under it is a workstream.
 * - `label`: "Next steps", "Action items", "Output documents"…: inside an item; ends nothing.
 * - `item`: a specific agenda item or section: a workstream.
 */

import { ANY_ITEM_MARK as MARK } from '../../shared/agenda-item';

/** Item marks: any style for the outline (shared/agenda-item, the one home of the pattern). */
export { ANY_ITEM_MARK as MARK, LETTER_ITEM_MARK as LETTER_MARK } from '../../shared/agenda-item';

export type Role = 'title' | 'agenda' | 'container' | 'reset' | 'label' | 'item';

const LABELS =
  /^(?:next steps?|agreed next steps|action (?:items?|points)|actions?|ars?|to ?dos?|output documents?|working documents?|documents?|summary of (?:the )?key points|key points|summary of key points and next steps|decisions?(?: made)?|conclusions?|resolutions?|outcomes?|background|update|updates|discussion summary|notes?)$/i;
const AGENDA =
  /^(?:(?:meeting |draft |proposed |revised )?agenda(?: items?)?|(?:meeting |session |running |shared |call )?notes|(?:meeting )?minutes|discussions?(?: points| items| topics)?|topics?|open discussion|proceedings|agenda and notes|notes and agenda|agenda \/ notes)$/i;
/** "Agenda" in other languages: French, Spanish, Portuguese, Italian, German, Dutch, Russian, Chinese, Japanese, Arabic. */
const AGENDA_OTHER =
  /^(?:ordre du jour|orden del d[ií]a|agenda del d[ií]a|pauta|ordem do dia|ordine del giorno|tagesordnung|agenda punten|повестка(?: дня)?|порядок дня|议程|議程|会议议程|議題|アジェンダ|جدول الأعمال|جدول أعمال)$/iu;
const RESETS =
  /^(?:annex\b.*|appendix\b.*|(?:list of )?participants|attendees|attendance|present|regrets|apologies|absent|roll ?call|chairs?|scribes?|note ?takers?|moderators?|facilitators?|logistics|registration|conference call details|call[- ]in details|dial[- ]in(?: details)?|joining(?: details| info(?:rmation)?)?|meeting (?:recordings?|links?|info(?:rmation)?|details)|recordings?|date(?:\/time| and time)?|time|location|venue|table of contents|contents|references|links?|resources|(?:next|upcoming|future) meetings?\b.*|schedule(?: constraints)?|instructions|suggestions|administrivia|housekeeping|aob|any other business|other business|q ?& ?a(?:,? other)?|adjourn(?:ment|ed)?|closing(?: remarks)?|welcome(?: and introductions)?|introductions?|opening(?: of the meeting)?|chat|comments from the chat|summary report|summary|report|code of conduct reminder|antitrust (?:policy|notice)|new (?:friends|members|attendees|people)|(?:online |virtual )?meeting\b.*)$/i;

/** Words that say nothing specific: a section made only of these is a container. */
const GENERIC = new Set(
  (
    'update updates updated news information informational info thanks general matters matter announcement announcements ' +
    'report reports reporting discussion discussions topic topics item items business other others any new old open ongoing ' +
    'outstanding pending queue review reviews work works group groups working wg wgs sig sigs team teams staff foundation ' +
    'project projects proposal proposals non verbal nonverbal written misc miscellaneous status carry carryover over previous ' +
    'meeting meetings issue issues pr prs pull request requests filed repo repos repository homework ar ars action actions check ' +
    'checkin in on from to provide and the of for a an with by etc events event blogs blog highlights member members community ' +
    'quick short brief recent current upcoming round all each max min mins minute minutes add yourself bottom top at your please ' +
    'enter speak anything interesting ahead pre read template seeking comments edits approvals approval inform fyi general ' +
    'agenda notes various continuing continued follow up ups followup followups parking lot ' +
    // What a section of documents is called, not an item: "Slides", "Key materials", "Task Forces".
    'slides slide deck decks recording recordings video videos presentation presentations material materials ' +
    'resource resources document documents docs doc link links reference references key supporting task force forces ' +
    'logistics'
  ).split(/\s+/),
);

const FULL_DATE =
  /\b\d{1,2}(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|^\**(?:19|20)\d{6}\**$|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b|\b\d{1,2}\/\d{1,2}\/(?:19|20)\d{2}\b/i;
const MEETINGISH = /\b(?:meeting|minutes|notes|telecon|call|session|summit|plenary|f2f|face[- ]to[- ]face)\b/i;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

/** The words a heading is about: without its item mark ("A. "), for labels and titles. */
export function headingSubject(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // "🎥 Recording", "📝 Notes": a leading pictograph says nothing of the heading's role.
      .replace(/^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s]+/u, '')
      .replace(/\s*:\s*$/, '')
      .trim()
      .replace(MARK, '')
      .trim()
  );
}

/** A section made only of generic words (and the page title's words, "TAC Update on Groups" on the TAC's page). */
export function isContainerText(text: string, titleWords: ReadonlySet<string> = new Set()): boolean {
  const w = words(
    itemName(text)
      .replace(/\([^)]*\)/g, ' ')
      .replace(MARK, ''),
  );
  const generic = (x: string) => GENERIC.has(x) || GENERIC.has(x.replace(/'s$/, ''));
  // The group's own short name from the page title ("TAC" on the TAC's minutes) says nothing either.
  const own = (x: string) => x.length <= 4 && titleWords.has(x);
  return w.some(generic) && w.every((x) => generic(x) || own(x) || /^\d+$/.test(x));
}

/** A day of a meeting of several days: "Wednesday, February 25", "Day 2", "Monday". */
export function isDayHeading(text: string): boolean {
  const rest = text
    .toLowerCase()
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/g, ' ')
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/g, ' ')
    .replace(/\bday\s+\d{1,2}\b|\b\d{1,4}(?:st|nd|rd|th)?\b/g, ' ')
    .replace(/[\s,./–-]+/g, '');
  return !rest && /\p{L}/u.test(text);
}

/** The role of a heading's text (its level and place are the outline's business). */
export function headingRole(text: string, titleWords: ReadonlySet<string> = new Set()): Role {
  let subject = headingSubject(itemName(text))
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/[.:]+$/, '')
    .trim();
  // "Attendance ((please Mark your name…)": the words before the brackets say what it is.
  const before = subject
    .replace(/\s*[([].*$/, '')
    .replace(/[.:]+$/, '')
    .trim();
  if (before && before !== subject && (LABELS.test(before) || AGENDA.test(before) || RESETS.test(before))) subject = before;
  if (!subject) return 'reset';
  if (LABELS.test(subject)) return 'label';
  if (AGENDA.test(subject) || AGENDA_OTHER.test(subject)) return 'agenda';
  if (RESETS.test(subject) || /^annex\b/i.test(text.trim())) return 'reset';
  if (FULL_DATE.test(text) && (MEETINGISH.test(text) || text.replace(FULL_DATE, '').trim().split(/\s+/).length <= 3))
    return 'title';
  // "LF Energy TAC Shared Minutes", "JupyterHub and BinderHub Team Meeting": the document's own title.
  if (
    !MARK.test(text) &&
    subject.split(/\s+/).length <= 8 &&
    (/\bminutes\b/i.test(subject) || /\b(?:meeting|telecon|notes)$/i.test(subject))
  ) {
    return 'title';
  }
  if (isContainerText(text, titleWords) || isDayHeading(subject)) return 'container';
  return 'item';
}

/** Kept for the seeds' tests: `label`, `reset` (title, agenda, reset) or `section` (an item or container). */
export function headingKind(text: string): { kind: 'section' | 'label' | 'reset'; label?: string } {
  const role = headingRole(text);
  if (role === 'label')
    return {
      kind: 'label',
      label: headingSubject(text)
        .replace(/[.:]+$/, '')
        .toLowerCase(),
    };
  if (role === 'item' || role === 'container') return { kind: 'section' };
  return { kind: 'reset' };
}

const URL_IN_TEXT = /\S*(?:https?:\/\/|www\.|(?:docs|drive)\.google\.com\/)\S*/gi;
const DURATION = String.raw`~?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?:min(?:ute)?s?|m|h|hrs?|hours?)\b(?:\s+max(?:imum)?)?(?:\s+each)?`;
const TIME = String.raw`~?\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm))?`;

/**
 * An item's name as a secretary would write it down: the line without links written out,
 * time slots ("09:15-10:15:", "(~9:40)"), durations ("(20m)", "- 15min", "(10 min max):"),
 * a leading date ("2 May - "), the presenter's tag ("[CRob]", not "[VOTE]"), markdown
 * leftovers (`**`, `_`), a trailing "(slides)" or "[link]", a long explanation in brackets
 * at the end, and trailing punctuation. Item numbers ("19/54", "5.3", "3.") stay.
 */
export function itemName(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  // A title in quotes: "“Tooling Roadmap Discussion” (Speaker)".
  s = s.replace(/^["“]([^"“”]{3,})["”]/, '$1');
  // A session title in brackets, as scribes write them: "(Declarative Net Request – Oliver)".
  const wrapped = /^\(([^()]{3,})\)$/.exec(s);
  if (wrapped) s = wrapped[1]!.trim();
  s = s.replace(URL_IN_TEXT, ' ');
  s = s.replace(/\*\*|__|(?<![\w])_(?=\S)|(?<=\S)_(?![\w])/g, '');
  s = s.replace(/[[(](?:slides?|link|deck|here|doc|notes|recording|video|pdf|presentation)[\])]/gi, ' ');
  s = s.replace(new RegExp(String.raw`[[(]\s*(?:${DURATION}|${TIME})\s*(?:[^)\]]{0,20})[\])]`, 'gi'), ' ');
  s = s.replace(new RegExp(String.raw`^\s*(?:${TIME})\s*(?:[-–]\s*(?:${TIME})\s*)?:?\s*`, 'i'), '');
  s = s.replace(new RegExp(String.raw`\s[-–]\s*_?(?:${DURATION})\s*_?\s*(?:max\w*\s*)?(?:each)?`, 'gi'), ' ');
  s = s.replace(/^\s*\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*[-–:]\s*/i, '');
  s = s.replace(/[[(]\s*[)\]]/g, ' ');
  // A bracket left open by a link written out ("Review of examples (see <url>").
  s = s.replace(/\s*[([][^)\]]*$/, '');
  s = s.replace(/^[\s:;,–•*-]+/, '');
  s = s.replace(/^\s*[([]\s*(?:inform|fyi|info|decision|discussion)\s*[)\]]\s*[-–:]?\s*/i, '');
  s = s.replace(/^(?:\s*\[(?![A-Z0-9 ]+\])[^\]]{1,40}\]\s*[-–:]?\s*)+/, '');
  s = s.replace(/\s{2,}/g, ' ').trim();
  // A long explanation in brackets at the end ("(the latter is the new name)"), not a name ("(CRob)").
  s = s.replace(/\s*\(([^()]*)\)\s*$/, (m, inner: string) => (inner.trim().split(/\s+/).length > 4 ? '' : m));
  s = s.replace(/[\s:;,–-]+$/, '').replace(/^[\s:;,–-]+/, '');
  return s.trim();
}

/** Is this text (an item's line) a title, not a sentence of discussion? */
export function isTitleLike(text: string): boolean {
  const s = itemName(text);
  if (!s || s.length > 140) return false;
  const n = s.split(/\s+/).length;
  if (n > 18) return false;
  if (/^[a-z]/.test(s) && !MARK.test(s)) return false;
  if (/[.!?]$/.test(s) && !(MARK.test(s) && n <= 14)) return false;
  // "Jennifer Bly: OpenSSF Day EU will be…", "Notifiers: Please let us know…": someone speaking, a label.
  if (/^[^:]{1,40}:\s+\S/.test(s) && !MARK.test(s) && !/^(?:re|fyi|proposal|rfc|vote|draft|update)\s*:/i.test(s)) return false;
  return true;
}

export { FULL_DATE, words as headingWords };

export type HeadingKind = 'section' | 'label' | 'reset';

export interface Heading {
  line: number;
  /** The heading as written, whitespace collapsed, trailing colon dropped. */
  text: string;
  /** The item's name as proposed for a workstream (headings.ts `itemName`). */
  name: string;
  rank: number;
  kind: HeadingKind;
  role: Role;
  /** A sub-point ("Par. 8 - …", ALL CAPS): never a workstream. */
  subpoint: boolean;
  /** The label's normalised words for `label` headings ("next steps"). */
  label?: string;
  /** Where it comes from: a heading line, a list item, a table row, the page's agenda. */
  source: 'line' | 'li' | 'row' | 'agenda';
  /** An `<h1>`…`<h6>` (it ends the short and bold lines before it, whatever their level). */
  tag?: boolean;
}

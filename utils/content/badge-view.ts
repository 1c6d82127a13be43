/**
 * One badge: a `<docket-badge>` host after the link, carrying the CONTRACT §3
 * attributes, with its look in a shadow root that shares one stylesheet.
 * Plain DOM, text through `textContent` only; page CSS reaches neither the host
 * (inline !important declarations) nor the inside (shadow root, `all: initial`).
 */
import { shortLabel } from '../shared/agenda-item';
import { STATUS_LABELS, STATUS_MARKS, STATUS_SHORT, URGENCY_LOOK, urgencyIcon } from '../shared/states';
import { dropController, listenInside, setController } from './badge-card';
import type { BadgeActions, BadgeState } from './badge-types';
import { el } from './dom';
import { isolate } from '../shared/plain-text';
import { t, uiDir } from '../shared/i18n';
import { relativeDeadline, urgencyOf } from '../shared/urgency';

export type { BadgeActions, BadgeState };

export const BADGE_TAG = 'docket-badge';

const HOST_STYLE = [
  'all: initial',
  // Text spacing follows the sentence the badge sits in (WCAG 1.4.12): a member's own letter and word spacing
  // reaches the chip and the card (they inherit it, below), where an initial value would shut it out.
  'letter-spacing: inherit',
  'word-spacing: inherit',
  // A flex box centring the chip: in a page's flex row that stretches its items, the chip stays on the link's line.
  'display: inline-flex',
  'align-items: center',
  'position: relative',
  'vertical-align: baseline',
  // Negative block margins: the badge is taller than some pages' lines, and must not make them taller.
  'margin: -0.5em 0 -0.5em 0.3em',
  'padding: 0',
  'border: 0',
  'width: auto',
  'height: auto',
  'max-width: none',
  'min-width: 0',
  'visibility: visible',
  'opacity: 1',
  'float: none',
  'transform: none',
  'clip-path: none',
  'filter: none',
  'direction: ltr',
  'line-height: 1',
  'font-size: 12px',
  'text-indent: 0',
  'pointer-events: auto',
  // A badge whose chip is not drawn yet (far from the viewport) still takes a little room.
  'min-width: 12px',
  'min-height: 12px',
]
  .map((d) => `${d} !important`)
  .join(';');

export const BADGE_CSS = [
  '.b{all:initial;letter-spacing:inherit;word-spacing:inherit;display:inline-flex;align-items:center;gap:4px;font:500 11px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa;border:1px solid #d0d7de;border-radius:10px;padding:0 6px;cursor:pointer;white-space:nowrap;vertical-align:baseline;direction:ltr}',
  // Right to left in Arabic: the chip and the card mirror (the language in use sets `dir` on them).
  '.b[dir=rtl],.card[dir=rtl]{direction:rtl}',
  '.b:focus-visible{outline:2px solid #0969da;outline-offset:1px}',
  // The page chip sits in a corner, not in a sentence: a target of at least 24 × 24 px (WCAG 2.5.8).
  ':host(docket-chip) .b{box-sizing:border-box;min-height:24px;min-width:24px;justify-content:center}',
  '.b.dark{color:#e6edf3;background:#21262d;border-color:#3d444d}',
  '.l{font-weight:650;unicode-bidi:isolate}',
  // Text from the index is isolated: a right-to-left override in it cannot turn the text around it.
  '.v,.t,.notes,.src{unicode-bidi:isolate}',
  // The card's text from the index, drawn from an attribute (badge-card.ts: a page's find() cannot search it).
  '.gt::before{content:attr(data-t)}',
  '.host{color:#57606a}',
  '.dark .host{color:#8b949e}',
  '.dot{width:8px;height:8px;border-radius:50%;background:var(--ws,#6e7781);display:inline-block;flex:none}',
  `.u-overdue .dl{color:${URGENCY_LOOK.overdue.color};font-weight:650}`,
  `.u-due-soon .dl{color:${URGENCY_LOOK['due-soon'].color};font-weight:650}`,
  `.u-done .dl{color:${URGENCY_LOOK.done.color}}`,
  `.dark.u-overdue .dl{color:${URGENCY_LOOK.overdue.darkColor}}`,
  `.dark.u-due-soon .dl{color:${URGENCY_LOOK['due-soon'].darkColor}}`,
  `.dark.u-done .dl{color:${URGENCY_LOOK.done.darkColor}}`,
  '.untracked{background:transparent;border-style:dashed;color:#57606a;padding:0 4px;font-weight:600}',
  '.untracked.dark{color:#8b949e;background:transparent}',
  '.card{all:initial;letter-spacing:inherit;word-spacing:inherit;position:absolute;z-index:2147483647;top:calc(100% + 4px);inset-inline-start:0;width:300px;box-sizing:border-box;padding:10px 12px;font:400 12.5px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 8px 24px rgba(140,149,159,.3);white-space:normal;text-align:start;direction:ltr}',
  '.card.dark{color:#e6edf3;background:#161b22;border-color:#3d444d;box-shadow:0 8px 24px rgba(1,4,9,.8)}',
  '.card[hidden]{display:none}',
  '.t{display:block;font-weight:650;font-size:13.5px;margin-bottom:6px;overflow-wrap:anywhere}',
  '.row{display:block;margin:2px 0;overflow-wrap:anywhere}',
  '.k{color:#57606a}',
  '.dark .k{color:#8b949e}',
  '.notes{display:block;margin-top:6px;white-space:pre-wrap;max-height:6.5em;overflow:hidden;overflow-wrap:anywhere}',
  '.acts{display:flex;gap:6px;margin-top:8px}',
  '.acts button{all:initial;letter-spacing:inherit;word-spacing:inherit;font:600 12px/1 system-ui,sans-serif;padding:6px 10px;border-radius:6px;cursor:pointer;border:1px solid #d0d7de;background:#f6f8fa;color:#1f2328}',
  '.acts button.primary{background:#1f883d;border-color:#1a7f37;color:#fff}',
  '.dark .acts button{background:#21262d;border-color:#3d444d;color:#e6edf3}',
  '.dark .acts button.primary{background:#238636;border-color:#2ea043;color:#fff}',
  '.acts button:focus-visible{outline:2px solid #0969da;outline-offset:1px}',
  'a.src{color:#0969da;text-decoration:underline;cursor:pointer;overflow-wrap:anywhere}',
  '.dark a.src{color:#4493f8}',
  '.card.up{top:auto;bottom:calc(100% + 6px);left:auto;right:0}',
  '.card{overflow:auto;overscroll-behavior:contain}',
].join('');

let sharedSheet: CSSStyleSheet | null | undefined;
function sheet(): CSSStyleSheet | null {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(BADGE_CSS);
    } catch {
      sharedSheet = null;
    }
  }
  return sharedSheet;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** One prepared host per tag and document: cloning it skips parsing the inline style each time. */
const prototypes = new WeakMap<Document, Map<string, HTMLElement>>();

/**
 * Build an empty host. Its shadow root comes with its first drawing ({@link shadowOf}): a badge
 * far from the viewport is a bare element with attributes until the member scrolls near it.
 */
export function createHost(doc: Document, tag: string = BADGE_TAG): HTMLElement {
  let byTag = prototypes.get(doc);
  if (!byTag) prototypes.set(doc, (byTag = new Map()));
  let proto = byTag.get(tag);
  if (!proto) {
    proto = doc.createElement(tag);
    proto.setAttribute('style', HOST_STYLE);
    byTag.set(tag, proto);
  }
  return proto.cloneNode(false) as HTMLElement;
}

/**
 * A host fixed in a corner of the window (the page chip, the notice for too many links), its place set
 * `!important` so that the page's style sheets cannot move it, above the page's own layers.
 */
export function createFixedHost(doc: Document, tag: string, corner: Record<string, string>): HTMLElement {
  const host = createHost(doc, tag);
  for (const [name, value] of Object.entries({ position: 'fixed', ...corner, 'z-index': '2147483646', margin: '0' })) {
    host.style.setProperty(name, value, 'important');
  }
  return host;
}

/**
 * Remove `tag` hosts an earlier copy of Docket left (an update or reload) where Docket puts its
 * fixed hosts (the page chip, the notice): among the children of the body and of the root. Only
 * those children are looked at, not the whole page.
 */
export function removeStaleFixed(doc: Document, tag: string): void {
  for (const parent of [doc.body, doc.documentElement]) {
    for (let child = parent?.firstElementChild ?? null; child;) {
      const next: Element | null = child.nextElementSibling;
      if (child.localName === tag) child.remove();
      child = next;
    }
  }
}

/**
 * Badges' shadow roots are closed (issue 13, item 1): the page's `host.shadowRoot` is null, and
 * only Docket's content script holds them, here. `badgeRoot` is for Docket's own code and tests
 * (a module of the content script: no page can call it).
 */
const roots = new WeakMap<Element, ShadowRoot>();

/** The shadow root of a host Docket made (null: none yet, or not Docket's). */
/**
 * Whether a host has a shadow root, closed ones too (another live copy of Docket drew it): only
 * attaching one tells. The host is removed right after when it had none.
 */
export function hasShadowRoot(host: HTMLElement): boolean {
  if (host.shadowRoot) return true;
  try {
    host.attachShadow({ mode: 'closed' });
    return false;
  } catch {
    return true;
  }
}

export function badgeRoot(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}

/** A host's shadow root, attached (closed, with the shared stylesheet) the first time it is needed. */
export function shadowOf(host: HTMLElement): ShadowRoot {
  const known = roots.get(host);
  if (known) return known;
  const shadow = host.attachShadow({ mode: 'closed' });
  roots.set(host, shadow);
  listenInside(shadow, host);
  const s = sheet();
  let adopted = false;
  if (s) {
    try {
      shadow.adoptedStyleSheets = [s];
      adopted = true;
    } catch {
      // Firefox refuses sheets constructed in a content script's world: fall back below.
    }
  }
  if (!adopted) shadow.append(el(host.ownerDocument, 'style', undefined, BADGE_CSS));
  return shadow;
}

/**
 * Set the CONTRACT §3 attributes. `fresh`: the host was just made and has none of them yet, so
 * there is nothing to compare or remove (the common case, thousands of times on a long page).
 */
export function setAttributes(host: HTMLElement, state: BadgeState, fresh = false): void {
  const r = state.record;
  const put = fresh ? setFresh : set;
  put(host, 'data-docket-id', r ? r.doc.id : state.linkId);
  put(host, 'data-docket-state', r ? 'tracked' : 'untracked');
  put(host, 'data-docket-workstream', r?.workstream?.name);
  put(host, 'data-docket-deadline', r?.doc.deadline);
  put(host, 'data-docket-status', r?.doc.status);
  put(host, 'data-docket-urgency', r ? urgencyOf(r.doc, state.today) : undefined);
}

function set(host: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) host.removeAttribute(name);
  else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
}

function setFresh(host: HTMLElement, name: string, value: string | undefined): void {
  if (value !== undefined) host.setAttribute(name, value);
}

/**
 * The words a tracked badge's chip shows, in its order and without its dot and marks: the workstream's
 * label, the status's short word, the deadline ("B", "open", "due in 3 d"); "tracked" when there is none.
 */
export function chipWords(state: BadgeState): string[] {
  const r = state.record;
  if (!r) return [];
  const words: string[] = [];
  if (r.workstream) words.push(shortLabel(r.workstream.name));
  // A done document's status takes the deadline's place: its word is shown once either way.
  if (r.doc.status) words.push(STATUS_SHORT[r.doc.status]);
  const rel = urgencyOf(r.doc, state.today) === 'done' ? '' : relativeDeadline(r.doc, state.today);
  if (rel) words.push(rel);
  return words.length ? words : [t('badge_tracked')];
}

/**
 * What the chip means, its accessible name. It begins with the chip's own words (WCAG 2.5.3, Label in
 * Name: what a member sees is what a speech-input user says, "click B"), then says them in whole words
 * ("B, open, due in 3 d. Tracked in Docket: Options paper, B. Improvements, Open for comments, due in 3 days"),
 * without the chip's marks.
 */
export function describe(state: BadgeState): string {
  const r = state.record;
  if (!r) return t('badge_untracked_name');
  const parts = [isolate(r.doc.title || t('badge_untitled'))];
  if (r.workstream) parts.push(isolate(r.workstream.name));
  if (r.doc.status) parts.push(STATUS_LABELS[r.doc.status]);
  const deadline = relativeDeadline(r.doc, state.today, true);
  if (deadline) parts.push(deadline);
  const label = chipWords(state)
    .map((w, i) => (i === 0 && r.workstream ? isolate(w) : w))
    .join(t('list_separator'));
  return t('badge_name', { label, details: parts.join(t('list_separator')) });
}

/**
 * (Re)draw a badge: its attributes, then its chip: a dot in the workstream's colour, one line of text (workstream
 * label · status) and the deadline in its own span for its colour. The card is built when it opens.
 */
export function renderBadge(host: HTMLElement, state: BadgeState, actions: BadgeActions, link: Element): void {
  setAttributes(host, state);
  drawChip(host, state, actions, link);
}

/** Build the chip inside a host whose attributes are set (what the member sees of a badge). */
export function drawChip(host: HTMLElement, state: BadgeState, actions: BadgeActions, link: Element): void {
  const r = state.record;
  const urgency = r ? urgencyOf(r.doc, state.today) : undefined;
  const rel = r ? relativeDeadline(r.doc, state.today) : '';
  const shadow = shadowOf(host);
  const doc = host.ownerDocument;
  dropController(host);

  const chip = el(doc, 'button', `b${r ? ` u-${urgency}` : ' untracked'}${state.dark ? ' dark' : ''}`);
  chip.type = 'button';
  chip.setAttribute('aria-label', describe(state));
  chip.setAttribute('aria-expanded', 'false');
  chip.dir = uiDir();
  if (r) {
    const text: string[] = [];
    if (r.workstream) {
      const dot = el(doc, 'span', 'dot');
      if (r.workstream.color && COLOR.test(r.workstream.color)) dot.style.setProperty('--ws', r.workstream.color);
      chip.append(dot, el(doc, 'span', 'l', shortLabel(r.workstream.name)));
    }
    // The deadline, coloured by its urgency; a done document's status takes its place (green, ✓ delivered).
    const done = urgency === 'done' && r.doc.status;
    const dl = done ? STATUS_MARKS[r.doc.status!] : rel ? urgencyIcon(urgency!) + rel : '';
    if (r.doc.status && !done) text.push(STATUS_MARKS[r.doc.status]);
    if (r.workstream && (text.length || dl)) text.unshift('');
    if (text.length) chip.append(el(doc, 'span', undefined, text.join(' · ') + (dl ? ' · ' : '')));
    else if (r.workstream && dl) chip.append(el(doc, 'span', undefined, ' · '));
    if (dl) chip.append(el(doc, 'span', 'dl', dl));
    if (!chip.firstChild) chip.append(el(doc, 'span', undefined, `◆ ${t('badge_tracked')}`));
  } else {
    chip.title = t('badge_untracked_title');
    chip.append(el(doc, 'span', undefined, '+'));
  }
  // Heard as one thing, its name (describe()): not the letters, dots and marks the chip draws.
  for (const child of chip.children) child.setAttribute('aria-hidden', 'true');
  shadow.append(chip);
  setController(host, { state, actions, link, chip, root: shadow });
}

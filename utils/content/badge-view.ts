/**
 * One badge: a `<docket-badge>` host after the link, carrying the CONTRACT §3
 * attributes, with its look in a shadow root that shares one stylesheet.
 * Plain DOM, text through `textContent` only; page CSS reaches neither the host
 * (inline !important declarations) nor the inside (shadow root, `all: initial`).
 */
import { itemLabel } from '../shared/agenda-item';
import type { BadgeRecord } from '../shared/model';
import { formatDate } from '../shared/format-date';
import { STATUS_LABELS, STATUS_MARKS, URGENCY_LOOK, urgencyIcon } from '../shared/states';
import { relativeDeadline, urgencyOf } from '../shared/urgency';

export const BADGE_TAG = 'docket-badge';

export interface BadgeActions {
  /** Open a tracked document (a Google URL). */
  open(record: BadgeRecord): void;
  edit(record: BadgeRecord): void;
  /** Track an untracked link: Docket's editor opens on it. */
  track(link: Element, id: string): void;
}

const HOST_STYLE = [
  'all: initial',
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
  '.b{all:initial;display:inline-flex;align-items:center;gap:4px;font:500 11px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa;border:1px solid #d0d7de;border-radius:10px;padding:0 6px;cursor:pointer;white-space:nowrap;vertical-align:baseline;direction:ltr}',
  '.b:focus-visible{outline:2px solid #0969da;outline-offset:1px}',
  '.b.dark{color:#e6edf3;background:#21262d;border-color:#3d444d}',
  '.l{font-weight:650}',
  '.dot{width:8px;height:8px;border-radius:50%;background:var(--ws,#6e7781);display:inline-block;flex:none}',
  `.u-overdue .dl{color:${URGENCY_LOOK.overdue.color};font-weight:650}`,
  `.u-due-soon .dl{color:${URGENCY_LOOK['due-soon'].color};font-weight:650}`,
  `.u-done .dl{color:${URGENCY_LOOK.done.color}}`,
  `.dark.u-overdue .dl{color:${URGENCY_LOOK.overdue.darkColor}}`,
  `.dark.u-due-soon .dl{color:${URGENCY_LOOK['due-soon'].darkColor}}`,
  `.dark.u-done .dl{color:${URGENCY_LOOK.done.darkColor}}`,
  '.untracked{background:transparent;border-style:dashed;color:#57606a;padding:0 4px;font-weight:600}',
  '.untracked.dark{color:#8b949e;background:transparent}',
  '.card{all:initial;position:absolute;z-index:2147483647;top:calc(100% + 4px);left:0;width:300px;box-sizing:border-box;padding:10px 12px;font:400 12.5px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 8px 24px rgba(140,149,159,.3);white-space:normal;text-align:left;direction:ltr}',
  '.card.dark{color:#e6edf3;background:#161b22;border-color:#3d444d;box-shadow:0 8px 24px rgba(1,4,9,.8)}',
  '.card[hidden]{display:none}',
  '.t{display:block;font-weight:650;font-size:13.5px;margin-bottom:6px;overflow-wrap:anywhere}',
  '.row{display:block;margin:2px 0;overflow-wrap:anywhere}',
  '.k{color:#57606a}',
  '.dark .k{color:#8b949e}',
  '.notes{display:block;margin-top:6px;white-space:pre-wrap;max-height:6.5em;overflow:hidden;overflow-wrap:anywhere}',
  '.acts{display:flex;gap:6px;margin-top:8px}',
  '.acts button{all:initial;font:600 12px/1 system-ui,sans-serif;padding:6px 10px;border-radius:6px;cursor:pointer;border:1px solid #d0d7de;background:#f6f8fa;color:#1f2328}',
  '.acts button.primary{background:#1f883d;border-color:#1a7f37;color:#fff}',
  '.dark .acts button{background:#21262d;border-color:#3d444d;color:#e6edf3}',
  '.dark .acts button.primary{background:#238636;border-color:#2ea043;color:#fff}',
  '.acts button:focus-visible{outline:2px solid #0969da;outline-offset:1px}',
  'a.src{color:#0969da;text-decoration:underline;cursor:pointer;overflow-wrap:anywhere}',
  '.dark a.src{color:#4493f8}',
  '.card.up{top:auto;bottom:calc(100% + 6px);left:auto;right:0}',
].join('');

/** A short label for a workstream: its agenda letter or number ("A. …" → "A"), else initials. */
export function shortLabel(name: string): string {
  const label = itemLabel(name);
  if (label) return label;
  const words = name.split(/[\s\-–—:/]+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  if (words.length === 1) return words[0]!.slice(0, 4);
  return words
    .slice(0, 3)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

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

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

export interface BadgeState {
  /** The id found in the link. */
  linkId: string;
  record: BadgeRecord | null;
  today: string;
  dark: boolean;
  /** Open the card above the chip (a chip fixed at the bottom of the window). */
  up?: boolean;
}

/** A drawn badge: what its events need. */
interface Controller {
  state: BadgeState;
  actions: BadgeActions;
  link: Element;
  chip: HTMLButtonElement;
  card?: HTMLElement;
  closeTimer?: ReturnType<typeof setTimeout>;
}
const controllers = new WeakMap<Element, Controller>();

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
  installEvents(doc);
  return proto.cloneNode(false) as HTMLElement;
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

/** A host's shadow root, attached (with the shared stylesheet) the first time it is needed. */
export function shadowOf(host: HTMLElement): ShadowRoot {
  if (host.shadowRoot) return host.shadowRoot;
  const shadow = host.attachShadow({ mode: 'open' });
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

/** What the chip says, also its accessible name. */
export function describe(state: BadgeState, rel?: string): string {
  const r = state.record;
  if (!r) return 'Not tracked in Docket: track this document';
  const parts = [r.doc.title || 'Tracked document'];
  if (r.workstream) parts.push(r.workstream.name);
  if (r.doc.status) parts.push(STATUS_LABELS[r.doc.status]);
  const deadline = rel ?? relativeDeadline(r.doc, state.today);
  if (deadline) parts.push(deadline);
  return `Docket: ${parts.join(', ')}`;
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
  const old = controllers.get(host);
  if (old) {
    clearTimeout(old.closeTimer);
    old.chip.remove();
    old.card?.remove();
  }

  const chip = el(doc, 'button', `b${r ? ` u-${urgency}` : ' untracked'}${state.dark ? ' dark' : ''}`);
  chip.type = 'button';
  chip.setAttribute('aria-label', describe(state, rel));
  chip.setAttribute('aria-expanded', 'false');
  if (r) {
    const text: string[] = [];
    if (r.workstream) {
      const dot = el(doc, 'span', 'dot');
      if (r.workstream.color && COLOR.test(r.workstream.color)) dot.style.setProperty('--ws', r.workstream.color);
      chip.append(dot, el(doc, 'span', 'l', shortLabel(r.workstream.name)));
    }
    if (r.doc.status) text.push(STATUS_MARKS[r.doc.status]);
    const showDeadline = rel && !(urgency === 'done' && r.doc.status);
    if (r.workstream && (text.length || showDeadline)) text.unshift('');
    if (text.length) chip.append(doc.createTextNode(text.join(' · ') + (showDeadline ? ' · ' : '')));
    else if (r.workstream && showDeadline) chip.append(doc.createTextNode(' · '));
    if (showDeadline) chip.append(el(doc, 'span', 'dl', urgencyIcon(urgency!) + rel));
    if (!chip.firstChild) chip.append('◆ tracked');
  } else {
    chip.title = 'Track in Docket';
    chip.append('+');
  }
  shadow.append(chip);
  controllers.set(host, { state, actions, link, chip });
}

function openCard(host: Element, c: Controller): void {
  clearTimeout(c.closeTimer);
  if (!c.card) {
    const card = el(host.ownerDocument, 'span', `card${c.state.dark ? ' dark' : ''}${c.state.up ? ' up' : ''}`);
    card.setAttribute('role', 'group');
    card.setAttribute('aria-label', 'Docket details');
    buildCard(card, c.state, c.actions, c.link);
    host.shadowRoot!.append(card);
    c.card = card;
  }
  c.card.hidden = false;
  c.chip.setAttribute('aria-expanded', 'true');
}

function closeCard(c: Controller): void {
  clearTimeout(c.closeTimer);
  if (c.card) c.card.hidden = true;
  c.chip.setAttribute('aria-expanded', 'false');
}

/**
 * One set of listeners per document for every badge (not six per badge): events from inside a
 * badge reach the document with the badge's host as their target.
 */
const installed = new WeakMap<Document, () => void>();

function installEvents(doc: Document): void {
  if (installed.has(doc)) return;
  /** The badge an event came from: its host is on the event's path (the target, retargeted, in browsers). */
  const hostOf = (e: Event): Element | undefined => {
    for (const node of e.composedPath()) {
      if (node instanceof Element && controllers.has(node)) return node;
      if (node === doc) break;
    }
    return undefined;
  };
  const closeSoon = (host: Element, c: Controller) => {
    clearTimeout(c.closeTimer);
    c.closeTimer = setTimeout(() => {
      if (!host.matches(':hover') && !host.shadowRoot?.activeElement) closeCard(c);
    }, 250);
  };
  const onOver = (e: Event) => {
    const host = hostOf(e);
    if (host) openCard(host, controllers.get(host)!);
  };
  const onOut = (e: Event) => {
    const host = hostOf(e);
    if (host && (e as MouseEvent | FocusEvent).relatedTarget !== host) closeSoon(host, controllers.get(host)!);
  };
  const onKey = (e: Event) => {
    const host = hostOf(e);
    const c = host && controllers.get(host);
    if (c && (e as KeyboardEvent).key === 'Escape' && c.card && !c.card.hidden) {
      e.stopPropagation();
      closeCard(c);
      c.chip.focus();
    }
  };
  const onClick = (e: Event) => {
    const host = hostOf(e);
    const c = host && controllers.get(host);
    if (!host || !c || !e.composedPath().includes(c.chip)) return;
    e.preventDefault();
    e.stopPropagation();
    if (!c.state.record) c.actions.track(c.link, c.state.linkId);
    else if (!c.card || c.card.hidden) openCard(host, c);
    else closeCard(c);
  };
  const listeners: Array<[string, (e: Event) => void]> = [
    ['mouseover', onOver],
    ['focusin', onOver],
    ['mouseout', onOut],
    ['focusout', onOut],
    ['keydown', onKey],
    ['click', onClick],
  ];
  for (const [type, fn] of listeners) doc.addEventListener(type, fn, true);
  installed.set(doc, () => {
    for (const [type, fn] of listeners) doc.removeEventListener(type, fn, true);
  });
}

/** Remove the document's badge listeners (the content script is going away). */
export function uninstallBadgeEvents(doc: Document): void {
  installed.get(doc)?.();
  installed.delete(doc);
}

function buildCard(card: HTMLElement, state: BadgeState, actions: BadgeActions, link: Element): void {
  const doc = card.ownerDocument;
  const r = state.record;
  const row = (label: string, value: string) => {
    const line = el(doc, 'span', 'row');
    line.append(el(doc, 'span', 'k', `${label}: `), doc.createTextNode(value));
    return line;
  };
  const acts = el(doc, 'span', 'acts');
  const button = (text: string, onClick: () => void, primary = false) => {
    const b = el(doc, 'button', primary ? 'primary' : undefined, text);
    b.type = 'button';
    b.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      onClick();
    });
    return b;
  };
  if (!r) {
    card.append(el(doc, 'span', 't', 'Not in your Docket index'));
    card.append(row('Document id', state.linkId));
    acts.append(button('Track in Docket…', () => actions.track(link, state.linkId), true));
    card.append(acts);
    return;
  }
  card.append(el(doc, 'span', 't', r.doc.title || r.doc.id));
  if (r.workstream) {
    const line = row('Workstream', r.workstream.name);
    if (r.workstream.group) line.append(doc.createTextNode(` (${r.workstream.group})`));
    card.append(line);
  }
  if (r.doc.deadline) {
    const rel = relativeDeadline(r.doc, state.today);
    card.append(row('Deadline', `${formatDate(r.doc.deadline)}${rel ? ` — ${rel}` : ''}`));
    if (r.doc.deadlineNote) card.append(row('Deadline note', r.doc.deadlineNote));
  }
  if (r.doc.status) card.append(row('Status', STATUS_LABELS[r.doc.status]));
  if (r.doc.notes) card.append(el(doc, 'span', 'notes', r.doc.notes));
  if (r.doc.source) {
    const line = row('Tracked from', '');
    if (/^https?:\/\//i.test(r.doc.source)) {
      const a = el(doc, 'a', 'src', r.doc.source);
      a.href = r.doc.source;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      line.append(a);
    } else line.append(doc.createTextNode(r.doc.source));
    card.append(line);
  }
  acts.append(
    button('Open', () => actions.open(r), true),
    button('Edit in Docket', () => actions.edit(r)),
  );
  card.append(acts);
}

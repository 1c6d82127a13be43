/**
 * A badge's card and what the member does with a badge (issue 13, items 1 and 2).
 *
 * - The listeners sit on each badge's closed shadow root, so they see the chip and the card that
 *   a listener outside (and the page) cannot.
 * - Only trusted events count: the member's pointer, keyboard and focus. A page's `click()`,
 *   `dispatchEvent(new MouseEvent(…))` or synthetic key presses open no card and no window.
 * - The card shows what the lookup gave (background/badge-fields.ts decides that per site); each
 *   value is isolated from right-to-left overrides it may hold; the page a document was tracked
 *   from shows its real host beside its free-text title.
 * - The card's text from the index is drawn as generated content (`content: attr(data-t)`), not as
 *   text nodes: a page's `window.find()` searches closed shadow roots too, and would otherwise tell
 *   it, guess by guess, what an open card says. Generated text is not found, not selected, and
 *   still read by screen readers.
 */
import { formatDate } from '../shared/format-date';
import { t, uiDir } from '../shared/i18n';
import type { BadgeFields } from '../shared/model';
import { STATUS_LABELS } from '../shared/states';
import { relativeDeadline } from '../shared/urgency';
import type { BadgeActions, BadgeState } from './badge-types';
import { el } from './dom';
import { placeCard } from './card-place';
import { badgeKey, cardActions, removeFromTabOrder } from './card-keys';

/** A drawn badge: what its events need. */
export interface Controller {
  state: BadgeState;
  actions: BadgeActions;
  link: Element;
  chip: HTMLButtonElement;
  root: ShadowRoot;
  card?: HTMLElement;
  closeTimer?: ReturnType<typeof setTimeout>;
}
const controllers = new WeakMap<Element, Controller>();

export function setController(host: Element, c: Controller): void {
  controllers.set(host, c);
}

/** Forget a badge's chip and card (it is drawn again). */
export function dropController(host: Element): void {
  const old = controllers.get(host);
  if (!old) return;
  clearTimeout(old.closeTimer);
  old.chip.remove();
  old.card?.remove();
  controllers.delete(host);
}

function openCard(c: Controller): void {
  clearTimeout(c.closeTimer);
  if (!c.card) {
    const card = el(c.root.ownerDocument, 'span', `card${c.state.dark ? ' dark' : ''}${c.state.up ? ' up' : ''}`);
    card.setAttribute('role', 'group');
    card.setAttribute('aria-label', t('card_label'));
    card.dir = uiDir();
    buildCard(card, c.state, c.actions, c.link);
    removeFromTabOrder(card);
    c.root.append(card);
    c.card = card;
  }
  const wasHidden = c.card.hidden;
  c.card.hidden = false;
  // Where it fits, each time it opens (the page may have scrolled): issue 16, item 1.
  if (wasHidden || !c.card.style.top) placeCard(c.card, c.root.host, c.chip, c.link);
  c.chip.setAttribute('aria-expanded', 'true');
}

/** Open the card (if it is not) with one of its actions focused: the keyboard's way in. */
function enterCard(c: Controller, index = 0): void {
  openCard(c);
  cardActions(c.card!)[index]?.focus();
}

function closeCard(c: Controller): void {
  clearTimeout(c.closeTimer);
  if (c.card) c.card.hidden = true;
  c.chip.setAttribute('aria-expanded', 'false');
}

/** The member's pointer, keys and focus within one badge: listeners on its shadow root. */
export function listenInside(root: ShadowRoot, host: Element): void {
  const inside = (node: EventTarget | null) => node instanceof Node && root.contains(node);
  const closeSoon = (c: Controller) => {
    clearTimeout(c.closeTimer);
    c.closeTimer = setTimeout(() => {
      if (!host.matches(':hover') && !root.activeElement) closeCard(c);
    }, 250);
  };
  const on = (type: string, fn: (e: Event, c: Controller) => void) =>
    root.addEventListener(type, (e) => {
      // Trusted events only (issue 13): a page's script can neither open a card nor press a button.
      const c = controllers.get(host);
      if (!e.isTrusted || !c) return;
      fn(e, c);
    });
  on('mouseover', (_e, c) => openCard(c));
  // Focus coming into the badge opens its card; focus moving inside it (back to the chip after Escape) does not.
  on('focusin', (e, c) => {
    if (!inside((e as FocusEvent).relatedTarget)) openCard(c);
  });
  const out = (e: Event, c: Controller) => {
    if (!inside((e as MouseEvent | FocusEvent).relatedTarget)) closeSoon(c);
  };
  on('mouseout', out);
  on('focusout', out);
  // One Tab stop a badge (issue 16, item 2): the keys inside it (card-keys.ts).
  on('keydown', (e, c) => {
    const move = badgeKey(e as KeyboardEvent, root, c.chip, c.card, !!c.state.record);
    if (move === null) return;
    // Tab past the last action: from the chip, the browser's own Tab goes on to what follows the badge.
    if (move === 'leave') return c.chip.focus();
    e.preventDefault();
    e.stopPropagation();
    if (move !== 'badge') return enterCard(c, move);
    if ((e as KeyboardEvent).key === 'Escape') closeCard(c);
    c.chip.focus();
  });
  on('click', (e, c) => {
    if (!e.composedPath().includes(c.chip)) return;
    e.preventDefault();
    e.stopPropagation();
    if (!c.state.record) c.actions.track(c.link, c.state.linkId);
    // Enter or Space on the badge (a click with no pointer): into the card, which focus may have opened.
    else if ((e as MouseEvent).detail === 0) enterCard(c);
    else if (!c.card || c.card.hidden) openCard(c);
    else closeCard(c);
  });
}

/** An element whose text is drawn by the stylesheet from its `data-t` (see the top of this file). */
function drawn<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text: string,
): HTMLElementTagNameMap[K] {
  const node = el(doc, tag, className);
  node.setAttribute('data-t', text);
  return node;
}

/** `https://www.example.org/…` → `www.example.org`; null for anything that is not a web address. */
export function webHost(address: string): string | null {
  if (!/^https?:\/\//i.test(address)) return null;
  try {
    return new URL(address).host || null;
  } catch {
    return null;
  }
}

function buildCard(card: HTMLElement, state: BadgeState, actions: BadgeActions, link: Element): void {
  const doc = card.ownerDocument;
  const r = state.record;
  /** A value, isolated (an override character in it cannot turn the text around it) and drawn, not in the DOM's text. */
  const value = (text: string, className = 'v') => drawn(doc, 'span', `${className} gt`, text);
  const row = (label: string, ...values: Node[]) => {
    const line = el(doc, 'span', 'row');
    line.append(el(doc, 'span', 'k', t('field_label', { label })), ...values);
    return line;
  };
  const acts = el(doc, 'span', 'acts');
  const button = (text: string, onClick: () => void, primary = false) => {
    const b = el(doc, 'button', primary ? 'primary' : undefined, text);
    b.type = 'button';
    b.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) onClick();
    });
    return b;
  };
  if (!r) {
    card.append(el(doc, 'span', 't', t('card_not_tracked')));
    card.append(row(t('card_document_id'), value(state.linkId)));
    acts.append(button(t('action_track'), () => actions.track(link, state.linkId), true));
    card.append(acts);
    return;
  }
  card.append(drawn(doc, 'span', 't gt', r.doc.title || r.doc.id));
  if (r.workstream) {
    const line = row(t('field_workstream'), value(r.workstream.name));
    if (r.workstream.group) line.append(' (', value(r.workstream.group), ')');
    card.append(line);
  }
  if (r.doc.deadline) {
    const rel = relativeDeadline(r.doc, state.today);
    card.append(row(t('field_deadline'), value(`${formatDate(r.doc.deadline)}${rel ? ` — ${rel}` : ''}`)));
    if (r.doc.deadlineNote) card.append(row(t('field_deadline_note'), value(r.doc.deadlineNote)));
  }
  if (r.doc.status) card.append(row(t('field_status'), value(STATUS_LABELS[r.doc.status])));
  if (r.doc.notes) card.append(drawn(doc, 'span', 'notes gt', r.doc.notes));
  if (r.doc.source) card.append(sourceRow(doc, r.doc, row));
  acts.append(
    button(t('action_open'), () => actions.open(r), true),
    button(t('action_edit_in_docket'), () => actions.edit(r)),
  );
  card.append(acts);
}

/** "Tracked from": a web address as a link whose text is its title (if any) and its real host. */
function sourceRow(doc: Document, d: BadgeFields['doc'], row: (label: string, ...values: Node[]) => HTMLElement): HTMLElement {
  const source = d.source!;
  const host = webHost(source);
  if (!host) return row(t('field_tracked_from'), drawn(doc, 'span', 'v gt', source));
  const a = drawn(doc, 'a', 'src v gt', d.sourceTitle || source);
  // Its text is drawn from an attribute: the name says it too (a link without a name is not announced).
  a.setAttribute('aria-label', d.sourceTitle ? `${d.sourceTitle} (${host})` : source);
  a.href = source;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  const line = row(t('field_tracked_from'), a);
  // The free-text title says what the page is called; the host says where the link really goes.
  if (d.sourceTitle) line.append(' ', drawn(doc, 'span', 'host gt', `(${host})`));
  return line;
}

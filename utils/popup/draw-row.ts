/**
 * One row of the grouped list drawn with plain DOM, for the popup's first screen before React is
 * loaded (utils/popup/first-screen.ts): the same elements, attributes and text as React's
 * components/documents/DocumentRow.tsx (with SourceLine and Swatch) draws for the grouped list, so that React's
 * first commit, which replaces it, changes nothing on screen (tests/unit/components/popup/first-screen.test.tsx holds
 * the two to the same DOM). Text goes in as text nodes, attributes through setAttribute: nothing is
 * ever parsed as HTML. No React here: this runs before react-dom is even fetched.
 */
import { t, uiLang } from '../shared/i18n';
import type { DocRecord, Workstream } from '../shared/model';
import { STATUS_LABELS, URGENCY_LOOK } from '../shared/states';
import { openUrl } from '../shared/open-url';
import { relativeDeadline, urgencyOf } from '../shared/urgency';
import { dayText } from '../shared/format-date';
import { displayTitle } from '../shared/doc-order';
import { noteRepeatsQuote, sourceInfo } from './doc-text';
import { KIND_LABELS } from '../shared/kind-labels';
import { describeConflict, fieldLabel } from './conflicts';
import { googleCalendarUrl } from './google-calendar';
import { safeColor } from './answer-schema';

type Child = Node | string | null | undefined | false;

/** An element with attributes (undefined: left out) and children (strings become text nodes; empty ones, like React's, none). */
export function h(tag: string, attrs: Record<string, string | undefined> | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/** "+ Calendar" on a row with a deadline (components/common/CalendarLink.tsx, its compact link look), or nothing. */
function calendarLink(doc: DocRecord, workstream: Workstream | undefined, title: string): HTMLElement | null {
  const href = googleCalendarUrl(doc, workstream);
  if (!href) return null;
  return h(
    'a',
    { class: 'calendar-link', href, target: '_blank', rel: 'noopener noreferrer', title: t('calendar_title') },
    h('span', { 'aria-hidden': 'true' }, t('calendar_short')),
    h('span', { class: 'sr-only' }, t('calendar_name', { title })),
  );
}

/** A workstream's colour dot (components/common/Swatch.tsx). */
export function swatch(color: string | undefined): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  // Only `#rrggbb`: a colour goes into a style, where `url(…)` would fetch.
  el.style.background = safeColor(color) ?? 'transparent';
  return el;
}

/** Where the document was found (components/common/SourceLine.tsx); the quote left out when the note says it. */
function sourceLine(doc: DocRecord, quote: boolean): HTMLElement | null {
  const info = sourceInfo(doc);
  if (!info) return null;
  const link = info.href && h('a', { href: info.href, target: '_blank', rel: 'noopener noreferrer' }, info.text);
  return h(
    'div',
    { class: 'doc-source' },
    info.text && h('span', { class: 'source-from' }, t('source_from'), link || info.text),
    quote && info.quote && h('blockquote', { class: 'source-quote', cite: info.href }, `“${info.quote}”`),
  );
}

/** Changes a shared sheet made underneath a local edit, with the two choices. */
function syncFlags(doc: DocRecord, title: string, workstreams: readonly Workstream[]): HTMLElement[] {
  return (doc.syncConflicts ?? []).map((c) => {
    const field = fieldLabel(c.field).toLocaleLowerCase(uiLang());
    return h(
      'div',
      { class: 'sync-flag', 'data-sync-field': c.field },
      h(
        'span',
        { class: 'sync-flag-text' },
        h('span', { class: 'sync-flag-icon', 'aria-hidden': 'true' }, '⚑ '),
        describeConflict(c, doc, workstreams),
      ),
      h(
        'span',
        { class: 'sync-flag-actions' },
        h(
          'button',
          { type: 'button' },
          t('sync_use_theirs'),
          h('span', { class: 'sr-only' }, t('sync_use_theirs_more', { field, title })),
        ),
        h(
          'button',
          { type: 'button' },
          t('sync_keep_mine'),
          h('span', { class: 'sr-only' }, t('sync_keep_mine_more', { field, title })),
        ),
      ),
    );
  });
}

/** A row of the grouped list, as components/documents/DocumentRow.tsx draws it there. */
export function drawRow(doc: DocRecord, today: string, workstream: Workstream | undefined, workstreams: readonly Workstream[]) {
  const urgency = urgencyOf(doc, today);
  const relative = relativeDeadline(doc, today);
  const title = displayTitle(doc);
  const url = openUrl(workstream ? { doc, workstream } : { doc });
  const icon = URGENCY_LOOK[urgency].icon;
  const live = urgency !== 'done';
  const action = (tag: string, attrs: Record<string, string | undefined>, label: string) =>
    h(tag, attrs, label, h('span', { class: 'sr-only' }, ` ${title}`));
  return h(
    'li',
    { class: `doc-row urgency-${urgency}`, 'data-doc-id': doc.id, 'data-urgency': urgency },
    h(
      'div',
      { class: 'doc-main' },
      h('span', { class: 'doc-title', title: doc.title ? doc.id : undefined, dir: 'auto' }, title),
      h(
        'span',
        { class: 'doc-meta' },
        h('span', { class: 'doc-kind' }, KIND_LABELS[doc.kind] ?? doc.kind),
        doc.status && h('span', { class: `status-pill status-${doc.status}` }, STATUS_LABELS[doc.status]),
        doc.deadline &&
          h(
            'span',
            { class: 'doc-deadline' },
            icon && h('span', { class: 'urgency-icon', 'aria-hidden': 'true' }, `${icon} `),
            relative && live && h('span', { class: 'doc-relative' }, `${relative} · `),
            h('time', { datetime: doc.deadline }, dayText(doc.deadline)),
          ),
        calendarLink(doc, workstream, title),
        doc.subscriptionId && h('span', { class: 'doc-sheet' }, t('from_shared_sheet')),
      ),
      doc.deadlineNote && h('span', { class: 'doc-note' }, doc.deadlineNote),
      sourceLine(doc, !noteRepeatsQuote(doc.deadlineNote, doc.deadlineSource)),
      ...syncFlags(doc, title, workstreams),
    ),
    h(
      'div',
      { class: 'doc-actions' },
      action('a', { class: 'button-like', href: url, target: '_blank', rel: 'noopener noreferrer' }, t('action_open')),
      action('button', { type: 'button', 'data-edit-for': doc.id }, t('action_edit')),
      action('button', { type: 'button', class: 'danger' }, t('action_delete')),
    ),
  );
}

/**
 * The popup's first screen drawn with plain DOM from the kept answer (utils/popup/first-page.ts),
 * before React is even fetched (utils/popup/popup-start.ts): the same elements React's first commit
 * draws for that answer (components/popup/App.tsx, DocumentList.tsx, DocumentRow.tsx: the header, the view
 * tabs, the filters, the summary, the first FIRST_ROWS rows under their groups' headings), so that React's first
 * commit replaces it without a visible change (tests/unit/components/popup/first-screen.test.tsx holds the two to the
 * same DOM). Inert except the search box until React takes over; what is typed there is handed over.
 *
 * Nothing here is parsed from a string: elements are made with createElement, text goes in as text nodes.
 */
import { t, tn } from '../shared/i18n';
import type { DocRecord, Workstream } from '../shared/model';
import type { DocsPage } from '../shared/docs-query';
import { STATUS_FILTER_OPTIONS } from './params';
import { summaryText } from './report-text';
import { URGENCY_LOOK } from '../shared/states';
import { FIRST_ROWS } from './first-query';
import { VIEWS, panelId, tabId } from './views';
import { drawRow, h, swatch } from './draw-row';

/** The ids React's useId gives are its own; these stand in for them (unique in the page, React's replace them). */
const ID = 'first-screen';

/** The view tabs, Documents chosen (components/popup/ViewTabs.tsx). */
function tabs(): HTMLElement {
  return h(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': t('views_label') },
    ...VIEWS.map((v) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: tabId(v.id),
          'aria-controls': panelId(v.id),
          'aria-selected': String(v.id === 'documents'),
          tabindex: v.id === 'documents' ? '0' : '-1',
        },
        v.label,
        v.more && h('span', { class: 'sr-only' }, v.more),
      ),
    ),
  );
}

/** The search box, the status filter, the hint and "Add a document by link" (components/documents/DocumentList.tsx, AddByLink.tsx). */
function filters(status: string): HTMLElement[] {
  const select = h(
    'select',
    { id: `${ID}-status` },
    ...STATUS_FILTER_OPTIONS.map((o) => h('option', { value: o.value }, o.label)),
  ) as HTMLSelectElement;
  select.value = status;
  const code = (text: string) => h('code', null, text);
  return [
    h(
      'div',
      { class: 'filters' },
      h(
        'div',
        { class: 'field grow' },
        h('label', { for: `${ID}-filter` }, t('filter_label')),
        h('input', {
          id: `${ID}-filter`,
          type: 'search',
          placeholder: t('filter_placeholder'),
          dir: 'auto',
          autocomplete: 'off',
          spellcheck: 'false',
          'aria-describedby': `${ID}-hint`,
        }),
      ),
      h('div', { class: 'field' }, h('label', { for: `${ID}-status` }, t('field_status')), select),
    ),
    h(
      'p',
      { id: `${ID}-hint`, class: 'search-hint muted small' },
      t('filter_hint_intro'),
      ...['overdue', 'due:week', 'due:14', 'ws:name'].flatMap((c) => [code(c), ' ']),
      code('status:draft'),
      h('span', { class: 'sr-only' }, t('filter_hint_keys')),
    ),
    h(
      'form',
      { class: 'add-by-link', novalidate: '' },
      h('label', { for: `${ID}-link` }, t('add_by_link_label')),
      h(
        'div',
        { class: 'inline-fields' },
        h('input', { id: `${ID}-link`, type: 'url', inputmode: 'url', placeholder: 'https://docs.google.com/…' }),
        h('button', { type: 'submit' }, t('add_by_link_button')),
      ),
      h('p', { id: `${ID}-problem`, class: 'field-error', 'aria-live': 'polite' }),
    ),
  ];
}

/** The summary and the groups with the first rows (DocumentList.tsx's Results, grouped, in its first commit). */
function results(page: DocsPage, today: string): HTMLElement[] {
  const wsById = new Map(page.workstreams.map((w) => [w.id, w] as const));
  const byGroup = new Map<string | null, DocRecord[]>();
  for (const r of page.rows) {
    const k = r.workstreamId ?? null;
    const list = byGroup.get(k);
    if (list) list.push(r.doc);
    else byGroup.set(k, [r.doc]);
  }
  const out: HTMLElement[] = [];
  const s = page.summary;
  if (s)
    out.push(
      h(
        'p',
        { class: `summary${s.overdue ? ' has-overdue' : ''}` },
        s.overdue > 0 && h('span', { class: 'urgency-icon', 'aria-hidden': 'true' }, `${URGENCY_LOOK.overdue.icon} `),
        summaryText(s),
      ),
    );
  // The first screen stops with its last row (React's too: the groups below it and "Show more" follow its first
  // paint; the answer has more rows than the first screen, so "Show more" is never in it).
  let budget = FIRST_ROWS;
  for (const g of page.groups ?? []) {
    if (budget <= 0) break;
    const all = byGroup.get(g.workstreamId) ?? [];
    const docs = all.slice(0, budget);
    budget -= docs.length;
    const workstream: Workstream | null = g.workstreamId ? (wsById.get(g.workstreamId) ?? null) : null;
    const headingId = `${ID}-g-${workstream?.id ?? 'none'}`;
    const hidden = g.count === null ? 0 : g.count - all.length;
    out.push(
      h(
        'section',
        { class: 'doc-group', 'aria-labelledby': headingId },
        h(
          'h2',
          { id: headingId, class: 'group-heading' },
          swatch(workstream?.color),
          h('span', { class: 'group-name', dir: 'auto' }, workstream?.name ?? t('group_no_workstream')),
          g.count !== null &&
            h('span', { class: 'group-count' }, h('span', { class: 'sr-only' }, ', '), tn('count_documents', g.count)),
        ),
        docs.length > 0 &&
          h(
            'ul',
            { class: 'doc-list' },
            ...docs.map((d) => drawRow(d, today, (d.workstreamId && wsById.get(d.workstreamId)) || undefined, page.workstreams)),
          ),
        hidden > 0 && h('p', { class: 'muted small more-rows' }, tn('more_in_workstream', hidden)),
      ),
    );
  }
  return out;
}

/**
 * The popup's `.app` as React's first commit draws it for `page`, the answer to the first question
 * (the grouped list of documents with `status`) on `today`; null when that answer has no rows to show.
 */
export function drawFirstScreen(page: DocsPage, today: string, status = 'active'): HTMLElement | null {
  if (!page.rows.length || page.indexSize === 0 || (page.total === 0 && !page.partial)) return null;
  return h(
    'div',
    { class: 'app' },
    h(
      'header',
      { class: 'app-header' },
      h('h1', null, 'Docket'),
      // components/popup/App.tsx: How Docket works (closed).
      h('button', { type: 'button', class: 'link-button help-button', 'aria-expanded': 'false' }, t('welcome_help')),
      // components/popup/OpenFullPage.tsx
      h('button', { type: 'button', class: 'open-full-page', title: t('open_full_page_title') }, t('open_full_page')),
    ),
    h(
      'div',
      { class: 'views' },
      tabs(),
      h(
        'div',
        { role: 'tabpanel', id: panelId('documents'), 'aria-labelledby': tabId('documents'), class: 'panel' },
        h('div', { class: 'documents' }, ...filters(status), ...results(page, today)),
      ),
    ),
    // components/popup/App.tsx: the live region that says "Saved …", "Restored …" (always there, empty at first).
    h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' }),
  );
}

/** The box whose text is carried over to React's filter, while the early screen is up. */
let earlyBox: HTMLInputElement | null = null;

/**
 * Put a drawn first screen into `root` (React's first commit replaces it): marked `data-early`, inert
 * except its search box, which is focused (keys typed before React takes over are not lost: `typedEarly`).
 */
export function showFirstScreen(root: Element, app: HTMLElement): void {
  app.setAttribute('data-early', '');
  const box = app.querySelector<HTMLInputElement>('input[type="search"]');
  if (box) {
    // Everything but the box and the elements it stands in is inert (inert covers a whole subtree).
    for (let el: Element = box; el !== app; el = el.parentElement!) {
      for (const sibling of el.parentElement!.children) if (sibling !== el) sibling.setAttribute('inert', '');
    }
  } else app.setAttribute('inert', '');
  root.replaceChildren(app);
  if (box) {
    box.focus();
    earlyBox = box;
  }
}

/** What was typed in the early screen's search box (null: no early screen), once React takes over. */
export function typedEarly(): string | null {
  return earlyBox ? earlyBox.value : null;
}

/** React has taken over: the early screen is gone. */
export function forgetEarly(): void {
  earlyBox = null;
}

/**
 * The popup's first screen as markup, kept from one opening to the next and put on screen before
 * React is even fetched (utils/popup/popup-start.ts). React draws it (one source of truth for the
 * rows: components/DocumentRow.tsx); once drawn, the list's first rows are cut out of the page
 * (`trimScreen`) and kept with the index revision and the question they answer. At the next opening
 * they are painted only if the index is still at that revision (the same rule as the kept answer,
 * utils/popup/first-page.ts), inert except the search box, until React's first commit replaces them.
 *
 * Why parsing this markup back into the page (what innerHTML would do) is safe: it comes from this
 * extension's own localStorage, which only the extension's pages (this origin) can read or write,
 * and it was serialised from React's DOM (every text escaped). Even so, it is parsed in an inert
 * document of its own (DOMParser: nothing in it runs or loads) and refused unless every element and
 * attribute is one the popup's list uses (`safeScreen`): no scripts, frames, event handlers, style
 * sheets or non-http links. And the extension pages' CSP (`script-src 'self'`) would block inline
 * scripts and handlers anyway.
 *
 * Pure helpers over the DOM and a Storage-like object; none of them throws.
 */
import { keepItem, readItem } from './first-page';
import type { KeyValueStore } from './first-page';

export const FIRST_SCREEN_KEY = 'docket:first-screen:v1';
const VERSION = 1;
/** Rows kept: more than the toolbar popup shows (600 px high: four or five rows) or a tab on most screens. React's first commit draws a few more below them (DocumentList FIRST_ROWS). */
export const SCREEN_ROWS = 10;
/** Longest markup kept (characters): anything longer is not kept, and refused when read. */
export const MAX_SCREEN_CHARS = 64_000;

export interface KeptScreen {
  v: number;
  /** `queryId` of the question the list answers (utils/popup/first-page.ts). */
  query: string;
  /** The index revision the list's answer was computed at. */
  revision: string;
  html: string;
}

/** Never part of a first screen: per-tab strips, notices, toasts, dialogs, hidden panels, "Show more". */
const TRANSIENT = [
  '.this-page',
  '.alert',
  '[role="alert"]',
  '[role="status"]',
  '[aria-live]:not(:empty)',
  '.toast',
  'dialog',
  '[hidden]',
  '.show-more',
  '.editor-wrap',
].join(',');

/**
 * The first screen of the popup's `.app` element, as markup: the header, the view tabs, the search
 * box and the first `rows` rows of the grouped list with their group headings (groups after the
 * last kept row left out), nothing transient, the search box empty. Null when `app` is not showing
 * the grouped list (another view, the editor, no rows), or when the result is too long.
 */
export function trimScreen(app: Element, rows = SCREEN_ROWS): string | null {
  try {
    if (!app.querySelector('.documents li[data-doc-id]') || app.querySelector('.editor-wrap, .results')) return null;
    const clone = app.cloneNode(true) as Element;
    // A <select>'s choice is a property (not copied by cloneNode): write it as the attribute.
    const selects = app.querySelectorAll('select');
    clone.querySelectorAll('select').forEach((s, i) => {
      const chosen = selects[i]?.selectedIndex ?? -1;
      s.querySelectorAll('option').forEach((o, j) =>
        j === chosen ? o.setAttribute('selected', '') : o.removeAttribute('selected'),
      );
    });
    clone.querySelectorAll(TRANSIENT).forEach((el) => el.remove());
    clone.querySelectorAll('input').forEach((input) => {
      input.removeAttribute('value');
      input.value = '';
    });
    const kept = [...clone.querySelectorAll('li[data-doc-id]')];
    kept.slice(rows).forEach((li) => li.remove());
    const last = kept[Math.min(rows, kept.length) - 1];
    const lastGroup = last?.closest('.doc-group');
    if (lastGroup) {
      let next = lastGroup.nextElementSibling;
      while (next) {
        const after = next.nextElementSibling;
        if (next.matches('.doc-group')) next.remove();
        next = after;
      }
    }
    clone.querySelectorAll('ul.doc-list:empty').forEach((ul) => ul.remove());
    const html = clone.outerHTML;
    return html.length <= MAX_SCREEN_CHARS ? html : null;
  } catch {
    return null;
  }
}

/** Keep `html` as the first screen answering `query` at `revision` (or forget it: null, or too long). Never throws. */
export function keepScreen(store: KeyValueStore, query: string, revision: string, html: string | null): boolean {
  const kept: KeptScreen | null = html !== null && html.length <= MAX_SCREEN_CHARS ? { v: VERSION, query, revision, html } : null;
  return keepItem(store, FIRST_SCREEN_KEY, kept && JSON.stringify(kept));
}

/** The kept screen read back: null when there is none, or it is unreadable, of another version or too long. */
export function readScreen(store: KeyValueStore): KeptScreen | null {
  const text = readItem(store, FIRST_SCREEN_KEY);
  // (JSON escapes at most double the markup.)
  if (!text || text.length > 2 * MAX_SCREEN_CHARS) return null;
  let kept: Partial<KeptScreen> | null;
  try {
    kept = JSON.parse(text) as Partial<KeptScreen> | null;
  } catch {
    return null;
  }
  if (!kept || typeof kept !== 'object' || kept.v !== VERSION) return null;
  if (typeof kept.query !== 'string' || typeof kept.revision !== 'string' || typeof kept.html !== 'string') return null;
  if (!kept.html || kept.html.length > MAX_SCREEN_CHARS) return null;
  return kept as KeptScreen;
}

/**
 * The kept screen to paint for the question `query` when the index is at `revision` (null: not
 * known), with the popup opened at `search` (its address's query string): only a plain opening
 * (anything in the address, `?tab=`, `?q=`, `?edit=`…, opens something else), the same question,
 * the same revision.
 */
export function screenToPaint(
  kept: KeptScreen | null,
  query: string,
  revision: string | null,
  search: string,
): KeptScreen | null {
  if (!kept || revision === null || search.replace(/^\?/, '') !== '') return null;
  return kept.query === query && kept.revision === revision ? kept : null;
}

const TAGS = new Set([
  'DIV',
  'HEADER',
  'MAIN',
  'SECTION',
  'H1',
  'H2',
  'H3',
  'P',
  'SPAN',
  'UL',
  'LI',
  'A',
  'BUTTON',
  'INPUT',
  'SELECT',
  'OPTION',
  'LABEL',
  'FORM',
  'CODE',
  'TIME',
  'STRONG',
  'EM',
  'SMALL',
  'BR',
]);
const ATTRIBUTES = new Set([
  'class',
  'id',
  'role',
  'title',
  'type',
  'placeholder',
  'autocomplete',
  'spellcheck',
  'value',
  'href',
  'target',
  'rel',
  'tabindex',
  'datetime',
  'for',
  'style',
  'hidden',
  'disabled',
  'selected',
  'name',
  'novalidate',
  'required',
  'inputmode',
  'lang',
  'dir',
]);

function attributeAllowed(name: string, value: string): boolean {
  if (name.startsWith('data-') || name.startsWith('aria-')) return true;
  if (!ATTRIBUTES.has(name)) return false;
  if (name === 'href') return /^https?:\/\//i.test(value);
  // The workstream swatch's colour, nothing that loads anything.
  if (name === 'style') return !/url\(|image|@|\\/i.test(value);
  return true;
}

/**
 * `html` parsed in an inert document of its own (DOMParser: nothing in it runs or loads), or null
 * unless it is one `.app` element made only of the elements and attributes the popup's list uses;
 * then moved into `doc`. Never throws.
 */
export function safeScreen(html: string, doc: Document = document): DocumentFragment | null {
  try {
    const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
    const body = parsed.body;
    const app = body.firstElementChild;
    if (parsed.head.childNodes.length || body.childNodes.length !== 1 || !app?.matches('div.app')) return null;
    for (const el of [app, ...app.querySelectorAll('*')]) {
      if (!TAGS.has(el.tagName.toUpperCase())) return null;
      for (const a of el.attributes) if (!attributeAllowed(a.name.toLowerCase(), a.value)) return null;
    }
    if (!app.querySelector('li[data-doc-id]')) return null;
    const content = doc.createDocumentFragment();
    content.append(doc.adoptNode(app));
    return content;
  } catch {
    return null;
  }
}

/** The box whose text is carried over to React's filter, while the early screen is up. */
let earlyBox: HTMLInputElement | null = null;

/** A kept screen parsed, checked and made inert, ready to be put on screen. */
export interface PreparedScreen {
  screen: DocumentFragment;
  box: HTMLInputElement | null;
}

/**
 * The kept screen's markup parsed and checked (`safeScreen`), inert except its search box (so that
 * keys typed before React takes over are not lost: `typedEarly` hands them over). Null when refused.
 * Prepared while the index's revision is asked for; shown only if it is still the kept one.
 */
export function prepareScreen(html: string, doc: Document = document): PreparedScreen | null {
  try {
    const screen = safeScreen(html, doc);
    if (!screen) return null;
    const app = screen.firstElementChild!;
    app.setAttribute('data-early', '');
    const box = app.querySelector<HTMLInputElement>('.documents input[type="search"]');
    if (box) {
      // Everything but the box and the elements it stands in is inert (inert covers a whole subtree).
      for (let el: Element = box; el !== app; el = el.parentElement!) {
        for (const sibling of el.parentElement!.children) if (sibling !== el) sibling.setAttribute('inert', '');
      }
    } else app.setAttribute('inert', '');
    return { screen, box };
  } catch {
    return null;
  }
}

/** Put a prepared screen into `root` (React's first commit replaces it), its search box focused. Never throws. */
export function showScreen(root: Element, prepared: PreparedScreen): boolean {
  try {
    root.replaceChildren(prepared.screen);
    if (prepared.box) {
      prepared.box.focus();
      earlyBox = prepared.box;
    }
    return true;
  } catch {
    return false;
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

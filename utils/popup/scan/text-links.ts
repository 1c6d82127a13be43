/**
 * Google document links on a page: `<a href>` links and links shown only as text, including
 * the ones a PDF copy or a text archive breaks across lines:
 *
 *     https://docs.google.com/document/d/1lutZTnFaGLhMm-
 *     QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit
 *
 * Joining rules (a URL that ends a line is continued with the first word of the next line):
 * - the URL stops inside a Drive id (`…/d/<id>`, `?id=<id>`, `?key=<id>`, `/folders/<id>`…), and
 *   - the id is empty (`…/d/` then the id), or
 *   - the next word is id-like (a digit, `-`/`_` or mixed case) and the next line goes on with
 *     a path or query (`/edit`, `?usp=`), or
 *   - the id looks cut (ends with `-`/`_`, or is not 28, 33 or 44 characters long, the
 *     lengths Drive ids have) and the next word is id-like (and not only digits);
 * - or the URL has no id yet and ends with `/ . - _ = ? &` (`https://docs.google.` ⏎ `com/…`);
 * - or the id is whole, the URL ends with `/ ? # & =` and the next word is a path word
 *   (`edit#gid=0`, `view?usp=sharing`).
 * A continuation may start after `>` quote marks, and may skip one empty line only when it
 * carries a path (an id-like word followed by `/`, `?`, `#`).
 * An `<a>` whose href is a cut id (mailing-list archives link only the first line) gives way
 * to the whole id read from the text.
 */
import { DOC_HOSTS, parseDocLink } from '../../shared/links';
import type { DocKind } from '../../shared/model';
import type { Flow } from './flow';

export interface TextUrl {
  url: string;
  start: number;
  end: number;
}

export interface LinkHit {
  id: string;
  kind: DocKind;
  published: boolean;
  /** The URL as found (href, or text). */
  url: string;
  start: number;
  end: number;
  fromAnchor: boolean;
  /** The `<a>`'s visible text. */
  anchorText?: string;
  /** Struck through on the page (a superseded document). */
  struck?: boolean;
}

/** Where a URL starts: a scheme, or (written without one) a document host of the link module, or Google's redirect. */
const URL_START = new RegExp(
  String.raw`(?:\bhttps?:\/\/|(?<![\w./-])(?:${DOC_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})\/|(?<![\w./-])www\.google\.com\/url\?)`,
  'gi',
);
/** URL characters; a markdown escape ("\\_", "\\#") stands for the character it escapes. */
const URL_CHARS = /^(?:[^\s<>"'`“”‘’|\\^{}]|\\[_#*-])+/;
/** Markdown-escaped characters in a URL, as copies of Google Docs exports write them (`\\_`, `%5C_`). */
const ESCAPED = /(?:\\|%5C)(?=[_#*-])/gi;

function unescapeUrl(url: string): string {
  return url.replace(ESCAPED, '');
}
const TRAILING = /[.,;:!?)\]}'"’”»]+$/;
const ID_AT_END = /(?:\/d\/|[?&](?:id|key|docid|docID|formkey|srcid)=|\/folders\/)([A-Za-z0-9_-]*)$/;
const PLAUSIBLE_ID_LENGTHS = new Set([28, 33, 44]);
/** Spaces, then a newline, then quote marks and spaces; optionally one more such line. */
const GAP = /^[ \t\u00a0]*\n(?:[ \t\u00a0]*>)*[ \t\u00a0]*(?:\n(?:[ \t\u00a0]*>)*[ \t\u00a0]*)?/;

function idLike(piece: string): boolean {
  return /\d/.test(piece) || /[-_]/.test(piece) || /[a-z][A-Z]|[A-Z]{2,}[a-z]/.test(piece);
}

/** Should `head` (a URL that ends a line) go on with `word` (the start of the next line)? */
export function continues(head: string, word: string, skippedBlankLine = false): boolean {
  const idM = ID_AT_END.exec(head);
  if (idM) {
    const id = idM[1] ?? '';
    const piece = /^[A-Za-z0-9_-]+/.exec(word)?.[0];
    if (!piece) return false;
    const next = word[piece.length];
    const strong = next !== undefined && '/?#&'.includes(next);
    if (!id) return true;
    // A whole id at the end of a paragraph is not continued by the next one ("…/folders/<id>" ⏎⏎ "19/22 Plan…").
    if (skippedBlankLine && PLAUSIBLE_ID_LENGTHS.has(id.length) && !/[-_]$/.test(id)) return false;
    if (strong && idLike(piece)) return true;
    if (skippedBlankLine) return false;
    const cut = /[-_]$/.test(id) || !PLAUSIBLE_ID_LENGTHS.has(id.length);
    if (strong) return cut && piece.length >= 4;
    return cut && idLike(piece) && !/^\d+$/.test(piece) && piece.length >= 3;
  }
  if (skippedBlankLine) return false;
  // The id is whole; the path goes on (`…/d/<id>/` ⏎ `edit#gid=0`): harmless, but keeps the next line's words apart.
  if (parseDocLink(absolute(head))) {
    return (
      /[/?#&=]$/.test(head) &&
      /^(?:edit|view|preview|pub\w*|copy|htmlview|export|viewform|present|embed|usp|gid|heading|u\/\d)[\w\-./?=&#%]*$/i.test(
        word.replace(TRAILING, ''),
      )
    );
  }
  // No id yet: a URL cut before it (`https://docs.google.` ⏎ `com/document/d/…`).
  return /[/.=?&_-]$/.test(head) && /^[A-Za-z0-9_\-./?=&#%]+$/.test(word.replace(TRAILING, ''));
}

/** Every URL written as text (http(s), or a bare address on a document host), joined across line breaks. */
export function findTextUrls(text: string): TextUrl[] {
  const out: TextUrl[] = [];
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(text); m; m = URL_START.exec(text)) {
    const start = m.index;
    const first = URL_CHARS.exec(text.slice(start, start + 2048));
    if (!first) continue;
    let url = first[0];
    let end = start + url.length;
    for (let k = 0; k < 4; k++) {
      const rest = text.slice(end, end + 2100);
      const gap = GAP.exec(rest);
      if (!gap) break;
      const word = URL_CHARS.exec(rest.slice(gap[0].length))?.[0];
      if (!word) break;
      const skipped = (gap[0].match(/\n/g) ?? []).length > 1;
      if (!continues(url, word, skipped)) break;
      url += word;
      end += gap[0].length + word.length;
    }
    const trimmed = url.replace(TRAILING, '');
    end -= url.length - trimmed.length;
    out.push({ url: trimmed, start, end });
    URL_START.lastIndex = end;
  }
  return out;
}

function absolute(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/**
 * Every Google document link on the page, in page order: `<a>` links (relative hrefs
 * resolved against `pageUrl`) and text URLs. Links inside a signature are left out.
 * An `<a>` and the text URL it shows count once (the `<a>`, for its text).
 */
export function findDocLinks(flow: Flow, pageUrl: string): LinkHit[] {
  const textHits: LinkHit[] = [];
  for (const t of findTextUrls(flow.text)) {
    const ref = parseDocLink(absolute(unescapeUrl(t.url)));
    if (ref) textHits.push({ ...ref, url: t.url, start: t.start, end: t.end, fromAnchor: false });
  }
  const hits: LinkHit[] = [];
  const shadowed = new Set<LinkHit>();
  for (const a of flow.anchors) {
    const ref = parseDocLink(unescapeUrl(a.href), pageUrl);
    if (!ref) continue;
    const overlapping = textHits.filter((t) => t.start < Math.max(a.end, a.start + 1) && t.end > a.start);
    // The href was cut where the text goes on: the text has the whole id.
    if (overlapping.some((t) => t.id !== ref.id && t.id.startsWith(ref.id))) continue;
    let end = a.end;
    for (const t of overlapping) {
      if (t.id !== ref.id) continue;
      shadowed.add(t);
      end = Math.max(end, t.end); // the text may go on past the <a> (`…/` ⏎ `edit#gid=0`)
    }
    hits.push({
      ...ref,
      url: a.href,
      start: a.start,
      end,
      fromAnchor: true,
      anchorText: a.text,
      ...(a.struck ? { struck: true } : {}),
    });
  }
  for (const t of textHits) if (!shadowed.has(t)) hits.push(flow.lineAt(t.start)?.struck ? { ...t, struck: true } : t);
  return hits
    .filter((h) => !flow.lineAt(h.start)?.signature)
    .sort((a, b) => a.start - b.start || Number(b.fromAnchor) - Number(a.fromAnchor));
}

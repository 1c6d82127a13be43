/**
 * Finding a document fast: fuzzy matching (uFuzzy) over title, workstream, notes and id,
 * plus filters typed into the same box:
 *   overdue · due:today · due:week · due:14 (days) · ws:<label or name> (ws:B, ws:impro, ws:"B. Improvements") · status:<status>
 * Results are ranked by how well they match (all words in the title first), then by deadline.
 * Used by the popup's search and the address bar's `dk` keyword.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import { STATUSES, type DocRecord, type Status, type Workstream } from './model';
import { daysUntil } from './calendar';
import { urgencyOf } from './urgency';
import { shortLabel } from './agenda-item';

export interface ParsedQuery {
  text: string;
  overdue: boolean;
  /** Due within this many days from today (0 = today), not done. */
  dueWithin?: number;
  workstream?: string;
  statuses: Status[];
}

/**
 * The words `status:` takes, in the six languages of Docket's interface (the status names of
 * docs/glossary.md, and a short word for each); compared folded, so accents and Arabic marks are optional.
 */
const STATUS_WORDS_BY_STATUS: Record<Status, string[]> = {
  draft: ['draft', 'brouillon', 'borrador', 'черновик', 'مسودة', '草稿'],
  'open-for-comments': [
    'open',
    'comments',
    'ouvert',
    'commentaires',
    'abierto',
    'comentarios',
    'открыт',
    'комментарии',
    'مفتوح',
    'تعليقات',
    '征求意见',
    '意见',
  ],
  final: ['final', 'frozen', 'finale', 'définitif', 'definitivo', 'окончательный', 'финальный', 'نهائي', '定稿'],
  delivered: ['delivered', 'done', 'remis', 'livré', 'entregado', 'представлен', 'сдан', 'مسلّم', 'مقدم', '已提交', '提交'],
  archived: ['archived', 'archivé', 'archivado', 'в архиве', 'архив', 'مؤرشف', '已归档', '归档'],
};

/** Split a query into free text and filters. Unknown `key:value` words stay text. */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { text: '', overdue: false, statuses: [] };
  const words: string[] = [];
  const re = /(\w+):"([^"]*)"|(\w+):(\S+)|(\S+)/g;
  for (const m of input.matchAll(re)) {
    const key = (m[1] ?? m[3])?.toLowerCase();
    const value = m[2] ?? m[4] ?? '';
    const word = m[5];
    if (word !== undefined) {
      if (word.toLowerCase() === 'overdue') q.overdue = true;
      else words.push(word);
      continue;
    }
    if (key === 'ws' || key === 'workstream') q.workstream = value;
    else if (key === 'status' || key === 'is') {
      const s = (STATUSES as readonly string[]).includes(value) ? (value as Status) : statusWord(value);
      if (s) q.statuses.push(s);
      else words.push(m[0]);
    } else if (key === 'due') {
      const v = value.toLowerCase();
      const days = v === 'today' ? 0 : v === 'week' ? 7 : v === 'month' ? 31 : /^\d{1,3}$/.test(v) ? Number(v) : undefined;
      if (days === undefined) words.push(m[0]);
      else q.dueWithin = days;
    } else words.push(m[0]);
  }
  q.text = words.join(' ');
  return q;
}

// Combining accents (U+0300–036F); Arabic harakat, hamza and madda above/below (U+064B–065F), superscript alef
// (U+0670), Quranic marks (U+06D6–06ED); tatweel (U+0640).
const FOLD_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/**
 * How text is compared, in every script: compatibility forms unified (full-width letters, Arabic presentation
 * forms, ligatures), lower case, and the marks a member may or may not type removed: Latin, Greek and Cyrillic
 * accents (`stratégie` = `strategie`, `ё` = `е`), Arabic diacritics (tashkeel), tatweel and the hamza and madda
 * on alef (`أ` `إ` `آ` = `ا`), alef maqsura as yeh, teh marbuta as heh. Devanagari vowel signs are letters' parts
 * and stay. The same folding on both sides, so a query is found whatever marks either side has.
 */
export const fold = (s: string): string =>
  s.normalize('NFKD').replace(FOLD_MARKS, '').toLowerCase().replace(/[’‘]/g, "'").replace(/ى/g, 'ي').replace(/ة/g, 'ه');
/** A name's words, folded: "B. Improvements to the IGF" → b, improvements, to, the, igf. */
const nameWords = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);

/**
 * The workstreams `ws:<value>` picks, most exact first: those whose short label (the letters its badges show,
 * "B") or id is the value; else those whose whole name is the value; else those whose name has, for every
 * word of the value, a word beginning with it ("impro" → "B. Improvements to the IGF"). So `ws:B` is
 * workstream B, not every name with a "b" in it.
 */
export function matchWorkstreams(value: string, workstreams: readonly Workstream[]): Set<string> {
  const want = nameWords(value);
  const key = want.join(' ');
  const ids = new Set<string>();
  if (!key) return ids;
  const raw = fold(value.trim());
  for (const w of workstreams) if (fold(shortLabel(w.name)) === key || w.id.toLowerCase() === raw) ids.add(w.id);
  if (ids.size) return ids;
  for (const w of workstreams) if (nameWords(w.name).join(' ') === key) ids.add(w.id);
  if (ids.size) return ids;
  for (const w of workstreams) {
    const words = nameWords(w.name);
    if (want.every((p) => words.some((word) => word.startsWith(p)))) ids.add(w.id);
  }
  if (ids.size) return ids;
  // Scripts written without spaces between words (Chinese, Japanese, Thai): a word can start anywhere in the name.
  if (!UNSPACED.test(key)) return ids;
  for (const w of workstreams) {
    const name = nameWords(w.name).join(' ');
    if (want.every((p) => name.includes(p))) ids.add(w.id);
  }
  return ids;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export interface SearchHit {
  doc: DocRecord;
  workstream?: Workstream;
}

/**
 * uFuzzy in its Unicode mode: words are runs of letters, marks and digits in any script (its default is Latin
 * only, which found no Cyrillic, Arabic or Chinese title). A word may match inside a longer one, so Chinese,
 * written without spaces, is found by any part of a title.
 */
const UFUZZY_OPTIONS: uFuzzy.Options = {
  unicode: true,
  interSplit: "[^\\p{L}\\p{M}\\p{N}']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\p{M}\\p{N}']",
  intraMode: 1,
  intraIns: 1,
};

/** An index of documents to search; build once per index version, query per keystroke. */
export class DocSearch {
  private readonly uf = new uFuzzy(UFUZZY_OPTIONS);
  private readonly haystack: string[];
  private readonly titles: string[];
  private readonly ws = new Map<string, Workstream>();
  private readonly workstreams: readonly Workstream[];

  constructor(
    private readonly docs: readonly DocRecord[],
    workstreams: readonly Workstream[],
  ) {
    this.workstreams = workstreams;
    for (const w of workstreams) this.ws.set(w.id, w);
    this.titles = docs.map((d) => fold(d.title ?? ''));
    this.haystack = docs.map((d, i) =>
      [this.titles[i], fold(this.ws.get(d.workstreamId ?? '')?.name ?? ''), fold(d.notes ?? ''), d.id.toLowerCase()].join(' · '),
    );
  }

  search(input: string, today: string, limit = 50): SearchHit[] {
    return this.searchWithin(input, today, limit).hits;
  }

  /**
   * The best `limit` hits among the documents `within` accepts (the popup's Status list), and how many
   * other documents match the query (`outside`: "2 more in other statuses").
   */
  searchWithin(
    input: string,
    today: string,
    limit = 50,
    within?: (doc: DocRecord) => boolean,
  ): { hits: SearchHit[]; outside: number } {
    const q = parseQuery(input);
    const keep = this.keeper(q, today);

    let ranked: number[];
    const text = fold(q.text.trim());
    if (!text) {
      ranked = this.docs.map((_, i) => i);
    } else {
      const [idxs, info, order] = this.uf.search(this.haystack, text, 0, 1000);
      if (!idxs) ranked = [];
      else if (info && order) ranked = order.map((o) => info.idx[o]!);
      else ranked = idxs;
    }
    const terms = text.split(/\s+/).filter(Boolean);
    const tier = (i: number) => (terms.length && terms.every((t) => this.titles[i]!.includes(t)) ? 0 : 1);
    const byDeadline = (a: number, b: number) => {
      const da = this.docs[a]!.deadline;
      const db = this.docs[b]!.deadline;
      if (da === db) return 0;
      if (!da) return 1;
      if (!db) return -1;
      return da < db ? -1 : 1;
    };
    // The best `limit` by (title has every term, deadline, match rank): only those are ever sorted.
    const matching = ranked.filter((i) => keep(this.docs[i]!));
    const inside = within ? matching.filter((i) => within(this.docs[i]!)) : matching;
    const best = topK(
      inside.map((i, p) => ({ i, t: tier(i), p })),
      limit,
      (a, b) => a.t - b.t || byDeadline(a.i, b.i) || a.p - b.p,
    );
    const hits = best.map(({ i }) => {
      const doc = this.docs[i]!;
      const workstream = this.ws.get(doc.workstreamId ?? '');
      return workstream ? { doc, workstream } : { doc };
    });
    return { hits, outside: matching.length - inside.length };
  }

  /** Every document the query keeps (its filters and, fuzzily, its words), in index order and unranked: the full page sorts them itself. */
  matching(input: string, today: string): DocRecord[] {
    const q = parseQuery(input);
    const keep = this.keeper(q, today);
    const text = fold(q.text.trim());
    const idxs = text ? (this.uf.filter(this.haystack, text) ?? []) : this.docs.map((_, i) => i);
    const out: DocRecord[] = [];
    for (const i of idxs) if (keep(this.docs[i]!)) out.push(this.docs[i]!);
    return out;
  }

  /** Whether a document passes the query's filters (status, workstream, overdue, due). */
  private keeper(q: ParsedQuery, today: string): (d: DocRecord) => boolean {
    const wsFilter = q.workstream !== undefined ? matchWorkstreams(q.workstream, this.workstreams) : undefined;
    return (d: DocRecord): boolean => {
      if (q.statuses.length && !(d.status && q.statuses.includes(d.status))) return false;
      if (wsFilter !== undefined && !wsFilter.has(d.workstreamId ?? '')) return false;
      if (q.overdue && urgencyOf(d, today) !== 'overdue') return false;
      if (q.dueWithin !== undefined) {
        if (!d.deadline || urgencyOf(d, today) === 'done') return false;
        const days = daysUntil(d.deadline, today);
        if (days < 0 || days > q.dueWithin) return false;
      }
      return true;
    };
  }
}

/**
 * The first `k` of `items` in `cmp` order (the same as sorting them all and keeping the first `k`,
 * for a comparator that never ties), without sorting them all.
 */
export function topK<T>(items: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const x of items) {
    if (out.length === k && cmp(x, out[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(out[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}

let statusWords: Map<string, Status> | undefined;
/** The status a word names, in any of the six languages. */
function statusWord(word: string): Status | undefined {
  if (!statusWords) {
    statusWords = new Map();
    for (const [status, words] of Object.entries(STATUS_WORDS_BY_STATUS))
      for (const w of words) statusWords.set(fold(w), status as Status);
  }
  return statusWords.get(fold(word));
}

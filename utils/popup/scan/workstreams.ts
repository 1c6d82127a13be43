/**
 * Matching an agenda item's name to a workstream the index already has.
 *
 * The same item recurs across meetings with small wording changes: the letter may differ
 * ("B." one time, "C." the next), words come and go ("Strengthening the IGF outcomes" /
 * "Strengthening IGF outcomes"), apostrophes are curly or straight. So names are compared as
 * sets of content words: lower case, accents and the item mark dropped, `’` = `'`, possessive
 * `'s` and stop words ("the", "to", "of"…) removed, plurals folded ("outcomes" = "outcome").
 * Similarity is the Dice coefficient of the two sets (2·shared / (|a| + |b|)); a name matches
 * a workstream at 0.6 or more with at least two shared words (one when both names are one word),
 * either name also read without a trailing parenthesis ("Workshop (China friendly)" = "Workshop").
 * The best-scoring workstream wins; ties go to the first.
 */
import { withoutItemMark } from '../../shared/agenda-item';
import type { Workstream } from '../../shared/model';

const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'for',
  'and',
  'or',
  'on',
  'in',
  'at',
  'by',
  'with',
  'from',
  'into',
  'its',
  'their',
  'our',
  'as',
  'is',
  'are',
  'be',
  'this',
  'that',
  'these',
  'those',
  'about',
  'regarding',
  're',
]);

export const MATCH_THRESHOLD = 0.6;

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

const tokenCache = new Map<string, string[]>();

/** A name's content words (cached: a page asks for the same names many times). */
export function nameTokens(name: string): string[] {
  let tokens = tokenCache.get(name);
  if (!tokens) {
    if (tokenCache.size > 20_000) tokenCache.clear();
    tokens = computeTokens(name);
    tokenCache.set(name, tokens);
  }
  return tokens;
}

function computeTokens(name: string): string[] {
  const s = withoutItemMark(name.trim())
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/'/g, '');
  const words = s.split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w));
  return [...new Set(words.map(stem))];
}

/** Dice similarity of two names' content words, 0…1. */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return 0;
  const setB = new Set(tb);
  const shared = ta.filter((t) => setB.has(t)).length;
  const minShared = ta.length === 1 && tb.length === 1 ? 1 : 2;
  if (shared < minShared) return 0;
  return (2 * shared) / (ta.length + tb.length);
}

/** A name without its trailing parenthesis ("Workshop (China friendly)" → "Workshop"), or '' when it has none. */
function withoutAside(name: string): string {
  const bare = name.replace(/\s*\([^()]*\)\s*$/, '');
  return bare !== name && bare.trim() ? bare : '';
}

/**
 * How well `name` matches a workstream's name: as written, or either without a trailing
 * parenthesis (a presenter, a qualifier: "Workshop (China friendly)" is the item "Workshop").
 */
function matchScore(name: string, wsName: string): number {
  let score = nameSimilarity(name, wsName);
  const a = withoutAside(name);
  const b = withoutAside(wsName);
  if (a) score = Math.max(score, nameSimilarity(a, wsName));
  if (b) score = Math.max(score, nameSimilarity(name, b));
  return score;
}

/** The workstream whose name best matches `name` (at the threshold or above), if any. */
export function matchWorkstream<W extends Pick<Workstream, 'name'>>(
  name: string,
  workstreams: readonly W[],
  threshold = MATCH_THRESHOLD,
): { workstream: W; score: number } | undefined {
  let best: { workstream: W; score: number } | undefined;
  for (const w of workstreams) {
    const score = matchScore(name, w.name);
    if (score >= threshold && (!best || score > best.score)) best = { workstream: w, score };
  }
  return best;
}

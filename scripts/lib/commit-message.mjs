// The commit-message convention (README, Contributing): checked by scripts/check-commits.mjs.

export const SUBJECT_MAX = 72;

/**
 * What is wrong with one commit message (its full text), or [] when it follows the convention:
 * a subject of at most 72 characters starting (after an optional `area:`) with a verb in the imperative ("Add", "Fix", "Move";
 * not "Added", "Fixing"), then, when there is a body, a blank line before it.
 * @param {string} message
 * @returns {string[]}
 */
export function commitProblems(message) {
  const lines = message.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const subject = lines[0] ?? '';
  const problems = [];
  if (!subject.trim()) return ['the subject is empty'];
  if (subject.length > SUBJECT_MAX) problems.push(`the subject is ${subject.length} characters (at most ${SUBJECT_MAX})`);
  // An optional area before a colon ("e2e: Scan …", "README: …"); the verb is the word after it.
  const words = subject.trim().split(/\s+/);
  const first = (/^[\w.-]+:$/.test(words[0] ?? '') && words.length > 1 ? words[1] : words[0]) ?? '';
  const word = first.replace(/[^A-Za-z-]/g, '');
  if (!/^[A-Z]/.test(first)) problems.push(`the subject starts with "${first}", not a capitalised verb`);
  else if (/(?:ed|ing)$/i.test(word) && !IMPERATIVES.has(word.toLowerCase()))
    problems.push(`the subject starts with "${first}": say it in the imperative ("Add", not "Added" or "Adding")`);
  if (lines.length > 1 && lines[1]?.trim() !== '') problems.push('no blank line between the subject and the body');
  return problems;
}

/** Imperatives that end like past tenses or gerunds. */
const IMPERATIVES = new Set([
  'embed',
  'feed',
  'need',
  'seed',
  'shed',
  'speed',
  'bring',
  'ring',
  'sing',
  'string',
  'swing',
  'wing',
  'bed',
]);

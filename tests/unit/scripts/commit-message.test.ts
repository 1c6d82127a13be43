/** The commit-message convention that `npm run lint` checks for new commits (scripts/check-commits.mjs). */
import { describe, expect, it } from 'vitest';
import { commitProblems } from '../../../scripts/lib/commit-message.mjs';

describe('commitProblems', () => {
  it.each<[string, string]>([
    ['a subject alone', 'Move components into folders by area'],
    ['a subject, a blank line, a body', 'Fix the badge in dark mode\n\nThe colour came from the light table.\n'],
    ['72 characters exactly', `Add ${'x'.repeat(68)}`],
    ['an imperative that ends like a past tense', 'Embed the worker in the build'],
    ['a verb with a colon after a scope', 'Search in any script: marks folded'],
    ['Windows line ends', 'Add a test\r\n\r\nWhy.\r\n'],
    ['an area before a colon', 'e2e: Scan on Google exports that never end'],
  ])('accepts %s', (_name, message) => expect(commitProblems(message)).toEqual([]));

  it.each<[string, string, RegExp]>([
    ['an empty message', '', /empty/],
    ['a subject of 73 characters', `Add ${'x'.repeat(69)}`, /73 characters/],
    ['a past tense', 'Added the scan zone', /imperative/],
    ['a gerund', 'Moving the hooks', /imperative/],
    ['a lower-case start', 'move the hooks', /capitalised verb/],
    ['a past tense after an area', 'popup: Fixed the tabs', /imperative/],
    ['no blank line before the body', 'Move the hooks\nBecause.', /blank line/],
    [
      'a subject that is the whole story',
      'Popup and full page: one StatusFilterSelect for the status filter (the same options, value and parse in both), instead of the same JSX twice',
      /characters/,
    ],
  ])('refuses %s', (_name, message, problem) => {
    const problems = commitProblems(message);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(problem);
  });
});

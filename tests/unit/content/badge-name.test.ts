// @vitest-environment happy-dom
/**
 * Issue 22: a badge is heard as one thing with its meaning (workstream, status, deadline in words, Docket),
 * never as the letters, dots and marks its chip draws: the chip's name is set, its drawn children are hidden
 * from assistive technology.
 */
import { describe, expect, it } from 'vitest';
import { badgeRoot, createHost, renderBadge } from '@/utils/content/badge-view';
import type { BadgeFields } from '@/utils/shared/model';

const actions = { open: () => undefined, edit: () => undefined, track: () => undefined };
const record = (doc: Partial<BadgeFields['doc']>, workstream?: BadgeFields['workstream']): BadgeFields => ({
  doc: { id: 'abc', kind: 'document', title: 'Options paper', open: 'https://docs.google.com/document/d/abc/edit', ...doc },
  workstream,
});

function chipOf(record: BadgeFields | null) {
  const host = createHost(document);
  const link = document.createElement('a');
  document.body.append(link, host);
  renderBadge(host, { linkId: 'abc', record, today: '2020-09-01', dark: false }, actions, link);
  return badgeRoot(host)!.querySelector('button')!;
}

describe('what a screen reader hears of a badge', () => {
  it.each<[string, BadgeFields | null, RegExp[]]>([
    [
      'a workstream, a status and a deadline in 3 days',
      record({ deadline: '2020-09-04', status: 'open-for-comments' }, { name: 'B. Improvements', color: '#1f6feb' }),
      [/Docket/, /B\. Improvements/, /open for comments/i, /in 3 days/],
    ],
    ['an overdue deadline, in words', record({ deadline: '2020-08-30' }), [/Docket/, /overdue/i, /2 days/]],
    ['a delivered document', record({ status: 'delivered' }), [/Docket/, /delivered/i]],
    ['an untracked link', null, [/Not tracked in Docket/]],
  ])('%s', (_name, r, heard) => {
    const chip = chipOf(r);
    const name = chip.getAttribute('aria-label') ?? '';
    for (const words of heard) expect(name).toMatch(words);
    // Not the chip's marks: no ⚠, ◔, ◷, ✓ or "·" in what is heard.
    expect(name).not.toMatch(/[⚠◔◷✓✎■▪◆·]/);
    // Everything the chip draws is hidden from assistive technology: only its name is heard.
    expect(chip.children.length).toBeGreaterThan(0);
    expect([...chip.childNodes].every((n) => n instanceof Element && n.getAttribute('aria-hidden') === 'true')).toBe(true);
  });
});

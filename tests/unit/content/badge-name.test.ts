// @vitest-environment happy-dom
/**
 * Issue 22: a badge is heard as one thing with its meaning (workstream, status, deadline in words, Docket),
 * never as the letters, dots and marks its chip draws: the chip's name is set, its drawn children are hidden
 * from assistive technology. Its name begins with the words the chip shows (2.5.3, Label in Name), in every language.
 */
import { describe, expect, it } from 'vitest';
import { badgeRoot, createHost, renderBadge } from '@/utils/content/badge-view';
import type { BadgeFields } from '@/utils/shared/model';
import { messagesOf, setLanguage, type LanguageCode } from '@/utils/shared/i18n';
import ar from '@/public/_locales/ar/messages.json';
import es from '@/public/_locales/es/messages.json';
import fr from '@/public/_locales/fr/messages.json';
import ru from '@/public/_locales/ru/messages.json';
import zh from '@/public/_locales/zh_CN/messages.json';

const LOCALES: Partial<Record<LanguageCode, Record<string, { message: string }>>> = { fr, es, ar, ru, zh_CN: zh };

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

/** Text as speech input and WCAG 2.5.3 compare it: letters and digits only, marks, dots and punctuation dropped. */
const words = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

describe('what a screen reader hears of a badge', () => {
  it.each<[string, BadgeFields | null, RegExp[]]>([
    [
      'a workstream, a status and a deadline in 3 days',
      record({ deadline: '2020-09-04', status: 'open-for-comments' }, { name: 'B. Improvements', color: '#1f6feb' }),
      [/^\u2068B\u2069, open, due in 3 d\. Tracked in Docket: /, /B\. Improvements/, /open for comments/i, /in 3 days/],
    ],
    [
      'an overdue deadline, in words',
      record({ deadline: '2020-08-30' }),
      [/^2 d overdue\. Tracked in Docket: /, /overdue/i, /2 days/],
    ],
    ['a delivered document', record({ status: 'delivered' }), [/^delivered\. Tracked in Docket: /, /delivered/i]],
    [
      'a delivered document with a past deadline',
      record({ status: 'delivered', deadline: '2020-08-01' }),
      [/^delivered\. Tracked in Docket: /],
    ],
    ['a workstream alone', record({}, { name: 'Strengthening IGF outcomes' }), [/^\u2068SIO\u2069\. Tracked in Docket: /]],
    ['nothing but the document', record({}), [/^tracked\. Tracked in Docket: \u2068Options paper\u2069$/]],
    ['an untracked link', null, [/Not tracked in Docket/]],
  ])('%s', (_name, r, heard) => {
    const chip = chipOf(r);
    const name = chip.getAttribute('aria-label') ?? '';
    for (const w of heard) expect(name).toMatch(w);
    // Not the chip's marks: no ⚠, ◔, ◷, ✓ or "·" in what is heard.
    expect(name).not.toMatch(/[⚠◔◷✓✎■▪◆·]/);
    // Label in Name (2.5.3): the name begins with the words the chip shows, in their order.
    expect(words(name).startsWith(words(chip.textContent ?? ''))).toBe(true);
    // Everything the chip draws is hidden from assistive technology: only its name is heard.
    expect(chip.children.length).toBeGreaterThan(0);
    expect([...chip.childNodes].every((n) => n instanceof Element && n.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it.each(Object.entries(LOCALES) as Array<[LanguageCode, Record<string, { message: string }>]>)(
    'in %s too, the name begins with the chip’s words',
    (lang, file) => {
      setLanguage({ lang, messages: messagesOf(file) });
      try {
        const chip = chipOf(record({ deadline: '2020-09-04', status: 'open-for-comments' }, { name: 'B. Improvements' }));
        const name = chip.getAttribute('aria-label') ?? '';
        expect(words(chip.textContent ?? '')).toMatch(/^b \S/);
        expect(words(name).startsWith(words(chip.textContent ?? ''))).toBe(true);
        expect(name).toContain('Docket');
      } finally {
        setLanguage(null);
      }
    },
  );
});

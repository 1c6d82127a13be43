// The privacy policy in the member's language (issue 21): every marked element gets its message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { PRIVACY_TEXTS, drawPrivacy } from '@/utils/popup/privacy-page';
import { messagesOf, setLanguage } from '@/utils/shared/i18n';
import ar from '@/public/_locales/ar/messages.json';
import en from '@/public/_locales/en/messages.json';

const HTML = readFileSync(join(import.meta.dirname, '../../../entrypoints/privacy/index.html'), 'utf8');
const page = () => {
  const window = new Window();
  return new window.DOMParser().parseFromString(HTML, 'text/html') as unknown as Document;
};
const words = (doc: Document) => doc.body.textContent!.replace(/\s+/g, ' ').trim();

afterEach(() => setLanguage(null));

describe('the privacy page', () => {
  it('marks each element the table names, and no other', () => {
    const doc = page();
    const names = [...doc.querySelectorAll<HTMLElement>('[data-i18n]')].map((el) => el.dataset.i18n);
    expect(names.sort()).toEqual(Object.keys(PRIVACY_TEXTS).sort());
  });

  it('says the same English as its HTML (the en messages are its text)', () => {
    const before = page();
    const drawn = page();
    expect(drawPrivacy(drawn)).toEqual([]);
    // The policy's date is the one formatter's (the HTML writes it in words).
    const strip = (s: string) => s.replace(/dated .*\.$/, 'dated.');
    expect(strip(words(drawn))).toBe(strip(words(before)));
  });

  it('in Arabic: every text in Arabic, the title too', () => {
    setLanguage({ lang: 'ar', messages: messagesOf(ar) });
    const doc = page();
    drawPrivacy(doc);
    expect(doc.title).toBe('Docket: سياسة الخصوصية');
    for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
      expect(el.textContent, el.dataset.i18n).toMatch(/[\u0600-\u06ff]/);
      expect(el.textContent).not.toBe((en as Record<string, { message: string }>)[PRIVACY_TEXTS[el.dataset.i18n!]!]!.message);
    }
  });
});

/**
 * HTML entities an href kept undecoded (CONTRACT §1a: links as mail archivers write them), read as the characters
 * they stand for before a link is read (links.ts).
 *
 * Pure functions, no browser APIs: this module ships in the content script.
 */

/** The named entities found in hrefs, lower case (`&AMP;` and `&amp;` alike). */
const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  sol: '/',
  colon: ':',
  period: '.',
  comma: ',',
  quest: '?',
  equals: '=',
  num: '#',
  percnt: '%',
  lowbar: '_',
  excl: '!',
  semi: ';',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
};
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([\dA-Fa-f]{1,6})|([A-Za-z]{2,6}));/g;

/** A quick look before {@link decodeEntities}: an entity needs both `&` and `;` (most hrefs with `&` have no `;`). */
export const mayHoldEntities = (value: string) => value.includes(';') && value.includes('&');

/**
 * HTML entities an href kept undecoded (`https:&#x2F;&#x2F;docs…`, `?a=1&amp;id=…`, a page escaped twice:
 * `&amp;#47;`), read as the characters they stand for. Unknown names and code points out of range stay as written.
 */
export function decodeEntities(value: string): string {
  for (let i = 0; i < 3 && value.includes('&'); i++) {
    const next = value.replace(ENTITY_RE, (whole, dec?: string, hex?: string, name?: string) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? whole;
      const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
    if (next === value) break;
    value = next;
  }
  return value;
}

// @vitest-environment happy-dom
/**
 * Issue 16, item 4: "+" on an untracked badge asks the editor with the same guesses as "Track in Docket…":
 * the link's text as title (not a bare address), the heading or agenda item above it as workstream, the page.
 */
import { describe, expect, it } from 'vitest';
import { headingAbove, linkGuesses, trackRequest } from '@/utils/content/link-context';
import { titleFromLinkText } from '@/utils/shared/link-title';

const DOC = 'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit';
const PAGE = {
  href: 'https://www.intgovforum.org/minutes-4',
  title: 'Working Group minutes — 27 August 2020',
  baseURI: 'https://www.intgovforum.org/minutes-4',
};

function page(html: string): HTMLAnchorElement {
  document.body.innerHTML = html;
  return document.querySelector('a#it')!;
}

describe('the guesses for a link', () => {
  it.each<[string, string, ReturnType<typeof trackRequest>]>([
    [
      'under an agenda item, with words',
      `<p>A. Possible implementation models for the Roadmap’s High-level body</p><ul><li>Draft: <a id="it" href="${DOC}">MHLB models</a></li></ul>`,
      {
        url: DOC,
        title: 'MHLB models',
        wsGuess: 'A. Possible implementation models for the Roadmap’s High-level body',
        source: PAGE.href,
        sourceTitle: PAGE.title,
      },
    ],
    [
      'under a heading, the link written as its address (the background drops such a title)',
      `<h2>B. Improvements to the IGF</h2><p>See <a id="it" href="${DOC}">${DOC}</a></p>`,
      { url: DOC, title: DOC, wsGuess: 'B. Improvements to the IGF', source: PAGE.href, sourceTitle: PAGE.title },
    ],
    [
      'no heading, a relative link',
      `<p><a id="it" href="/document/d/abc/edit">  Notes\n  2020 </a></p>`,
      {
        url: 'https://www.intgovforum.org/document/d/abc/edit',
        title: 'Notes 2020',
        source: PAGE.href,
        sourceTitle: PAGE.title,
      },
    ],
  ])('%s', (_name, html, expected) => expect(trackRequest(page(html), PAGE)).toEqual(expected));

  it('a link to the page itself has no source', () => {
    const link = page(`<h1>Minutes</h1><a id="it" href="${PAGE.href}">here</a>`);
    expect(trackRequest(link, PAGE)).toEqual({ url: PAGE.href, title: 'here', wsGuess: 'Minutes' });
  });

  it('"Track in Docket…" reads the same guesses from the page', () => {
    const link = page(`<h2>B. Improvements to the IGF</h2><p><a id="it" href="${DOC}">${DOC}</a> and more</p>`);
    expect(linkGuesses(link)).toEqual({ text: DOC, heading: 'B. Improvements to the IGF' });
    const request = trackRequest(link, PAGE);
    expect(request.wsGuess).toBe(headingAbove(link));
  });

  it.each<[string | undefined, string | undefined]>([
    ['MHLB models', 'MHLB models'],
    ['  two\n lines ', 'two lines'],
    [DOC, undefined],
    ['https://docs.google.com/document/d/other/edit', undefined],
    ['docs.google.com/document/d/x', undefined],
    ['www.example.org/x', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('titleFromLinkText(%j) = %j', (text, title) => expect(titleFromLinkText(text, DOC)).toBe(title));
});

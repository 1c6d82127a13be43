// @vitest-environment happy-dom
/**
 * Issue 27: the content script's first part only looks, and calls for the badge code at the first
 * candidate link, whichever way it arrives; changes without one call nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForDocumentLinks } from '@/utils/content/finder';

const DOC = 'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit';
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('watchForDocumentLinks', () => {
  const cases: Array<[string, string, (body: HTMLElement) => void, boolean]> = [
    ['a document link already there', `<a href="${DOC}">d</a>`, () => undefined, true],
    ['nothing but site links', '<a href="/en/content/x">x</a>', () => undefined, false],
    [
      'a thread that expands with one',
      '<p>inbox</p>',
      (b) => b.insertAdjacentHTML('beforeend', `<div><p><a href="${DOC}">d</a></p></div>`),
      true,
    ],
    ['a link added on its own', '<p>inbox</p>', (b) => b.append(Object.assign(document.createElement('a'), { href: DOC })), true],
    [
      'an address that becomes one',
      '<a href="https://example.org/">x</a>',
      (b) => b.querySelector('a')!.setAttribute('href', DOC),
      true,
    ],
    [
      'content that stops being editable',
      `<div contenteditable="true"><p>draft</p></div>`,
      (b) => {
        b.querySelector('p')!.insertAdjacentHTML('beforeend', `<a href="${DOC}">d</a>`);
        b.querySelector('div')!.removeAttribute('contenteditable');
      },
      true,
    ],
    [
      'changes without a candidate',
      '<p>inbox</p>',
      (b) => {
        b.insertAdjacentHTML('beforeend', '<div><a href="/en/content/y">y</a><a href="https://example.org/z">z</a></div>');
        b.querySelector('p')!.setAttribute('class', 'read');
      },
      false,
    ],
  ];
  it.each(cases)('%s', async (_, html, change, expected) => {
    document.body.innerHTML = html;
    const found = vi.fn();
    const stop = watchForDocumentLinks(document, found);
    change(document.body);
    await settle();
    expect(found).toHaveBeenCalledTimes(expected ? 1 : 0);
    // Once found, it stops looking: more links call nothing again.
    document.body.insertAdjacentHTML('beforeend', `<a href="${DOC}">again</a>`);
    await settle();
    expect(found).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stops looking when told to', async () => {
    document.body.innerHTML = '<p>inbox</p>';
    const found = vi.fn();
    watchForDocumentLinks(document, found)();
    document.body.insertAdjacentHTML('beforeend', `<a href="${DOC}">d</a>`);
    await settle();
    expect(found).not.toHaveBeenCalled();
  });
});

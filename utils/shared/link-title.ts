/** A link's text as a document's title, for both ways of tracking a link (the badge's "+" and the menu). */

/** The text, tidied, unless it is empty or only an address (a bare URL written into minutes names nothing). */
export function titleFromLinkText(text: string | undefined, url: string): string | undefined {
  const t = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
  if (!t || t === url || /^(?:https?:\/\/|www\.|docs\.google\.com\/|drive\.google\.com\/)\S*$/i.test(t)) return undefined;
  return t;
}

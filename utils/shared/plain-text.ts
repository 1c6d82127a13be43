/**
 * Text from the index on its way to places that show plain text (issue 13, item 15).
 *
 * - Control characters (C0 and C1, DEL) and the bidirectional embedding, override and isolate
 *   controls have no business in a title shown in the address bar's suggestions or in a
 *   notification: Chrome refuses a suggestion whose description holds some of them, and an
 *   override turns the text after it around. `plainLine` removes them and folds whitespace.
 * - Where text from the index stands among other text (a badge's spoken name), `isolate` wraps it
 *   in first-strong isolates, so that an override it holds cannot reach past it.
 */

/** C0 and C1 controls and DEL; bidi embeddings, overrides and isolates; line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** One line of plain text: no control or bidi-control characters, whitespace folded, trimmed. */
export function plainLine(text: string): string {
  return text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** `text` between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

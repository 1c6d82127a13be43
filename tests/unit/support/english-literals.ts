/**
 * Words written in the code where a member reads or hears them, found with TypeScript's own parser (not with
 * patterns, which a `>` in an arrow function or a string across lines fools): JSX text, the props a member reads
 * or hears given as a literal, and literals a JSX child shows (`{n === 1 ? 'field' : 'fields'}`). A call's
 * arguments are never read (`t('key')` names a key), nor are other props (`className`, `type`).
 * Used by tests/unit/project/i18n.test.ts.
 */
import ts from 'typescript';

/** The props whose text a member reads or hears. */
export const SPOKEN_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/**
 * Text with a word in it (two letters in a row, in any script): "×", "—", "3", "·" and "A" are not words, nor is
 * an example address (`https://docs.google.com/…`), the same in every language.
 */
export const hasWord = (text: string) => /\p{L}{2,}/u.test(text) && !/^https?:\/\/\S+$/.test(text.trim());

/** The literal text an expression can show: through `a ? 'x' : 'y'`, `a ?? 'x'`, `'x' + y` and templates, never into a call. */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.flatMap((s) => [...literalTexts(s.expression), s.literal.text])];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) {
    return literalTexts(node.expression);
  }
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    }
    // `cond && 'text'`: only the right side is shown.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(node.right);
  }
  return [];
}

/** Each English (or any) word a member would see in this source, as "line: text". */
export function literalsIn(fileName: string, source: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const out: string[] = [];
  const report = (node: ts.Node, text: string, prop = '') => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!hasWord(clean)) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    out.push(`${line}: ${prop}${clean}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (!node.containsOnlyTriviaWhiteSpaces) report(node, node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      const init = node.initializer;
      if (SPOKEN_PROPS.has(name) && init) {
        const texts = ts.isStringLiteral(init)
          ? [init.text]
          : ts.isJsxExpression(init) && init.expression
            ? literalTexts(init.expression)
            : [];
        for (const text of texts) report(node, text, `${name}=`);
      }
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literalTexts(node.expression)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/**
 * The text of an extension page's HTML that no message key replaces: every text node with a word must sit in an
 * element marked `data-i18n` (the page's script puts that key's message there), and so must the `<title>`.
 */
export function untranslatedHtml(html: string, parse: (html: string) => Document): string[] {
  const doc = parse(html);
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!hasWord(text) || !parent || ['SCRIPT', 'STYLE'].includes(parent.tagName)) continue;
    if (!parent.closest('[data-i18n]')) out.push(text);
  }
  return out;
}

/** A word of a sentence, in any script: letters (with an apostrophe or hyphen inside), maybe closed by punctuation. */
const WORD = /^[("“«]?\p{L}[\p{L}\p{M}’'-]*[.,:;!?)"”»]*$/u;

/**
 * Sentences written in code that answers a member through another world (the background's replies, Scan's
 * errors): each string or template literal with three words or more, as "line: text" (a template's values as
 * `…`). A literal handed to `console.*` is for developers and is not read; nor is a call's key (`t('key')`), which is
 * one word.
 */
export function sentencesIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const isConsole = (node: ts.Node): boolean => {
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isCallExpression(p) && /^console\./.test(p.expression.getText(file))) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
    if (text !== undefined && !ts.isImportDeclaration(node.parent) && !isConsole(node)) {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (clean.split(/[\s…]+/).filter((w) => WORD.test(w)).length >= 3) {
        out.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${clean}`);
      }
    }
    // A template's values may hold literals of their own.
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

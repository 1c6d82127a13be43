/**
 * The interface's language in Docket's own pages (popup, Docket in a tab, editor windows): the language a member
 * chose (Settings), else the browser's. The choice lives in `storage.local` (the content scripts and the
 * background read it there) and is mirrored in the pages' `localStorage`, so that a page draws its first screen in
 * the right language without waiting for an answer. `<html lang dir>` follow the language: Arabic is mirrored.
 */
import {
  LANGUAGE_KEY,
  fetchMessages,
  onLanguageChange,
  setLanguage,
  uiDir,
  uiLang,
  type ChosenLanguage,
  type LanguageCode,
} from '../shared/i18n';
import { languageItem } from '../shared/storage-items';

function mirror(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function keepMirror(value: ChosenLanguage | null): void {
  const store = mirror();
  try {
    if (value) store?.setItem(LANGUAGE_KEY, JSON.stringify(value));
    else store?.removeItem(LANGUAGE_KEY);
  } catch {
    // A full or missing store: the next page reads storage.local instead.
  }
}

/** `<html lang dir>` for the language in use. */
export function applyDocumentLanguage(doc: Document = document): void {
  doc.documentElement.lang = uiLang();
  doc.documentElement.dir = uiDir();
}

/**
 * At a page's start, before anything is drawn: the language kept in this page's `localStorage`; then, once
 * `storage.local` answers, the real choice (another view may have changed it), and `onChange` if it differs.
 * Later changes (from any view) also call `onChange`. Returns a function that stops listening.
 */
export function startLanguage(onChange: () => void): () => void {
  let kept: ChosenLanguage | null = null;
  try {
    kept = JSON.parse(mirror()?.getItem(LANGUAGE_KEY) ?? 'null') as ChosenLanguage | null;
  } catch {
    kept = null;
  }
  setLanguage(kept);
  applyDocumentLanguage();
  const changed = () => {
    applyDocumentLanguage();
    onChange();
  };
  void languageItem.get().then(
    (real) => {
      if (JSON.stringify(real) === JSON.stringify(kept)) return;
      setLanguage(real);
      keepMirror(real);
      changed();
    },
    () => undefined,
  );
  return onLanguageChange((value) => {
    keepMirror(value);
    changed();
  });
}

/** Use `lang` in every view from now on (null: follow the browser again). */
export async function chooseLanguage(lang: LanguageCode | null): Promise<void> {
  if (!lang) {
    keepMirror(null);
    await languageItem.remove();
    return;
  }
  const value: ChosenLanguage = { lang, messages: await fetchMessages(lang) };
  keepMirror(value);
  await languageItem.set(value);
}

let started = false;
const listeners = new Set<() => void>();

/** At a page's start (idempotent): the kept language, and every change from then on told to `subscribeLanguage`'s listeners. */
export function initLanguage(): void {
  if (started) return;
  started = true;
  startLanguage(() => {
    for (const l of listeners) l();
  });
}

/** Call `fn` after each change of language; returns a function that stops. */
export function subscribeLanguage(fn: () => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

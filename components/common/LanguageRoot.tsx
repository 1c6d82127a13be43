/**
 * Draws a page again, whole, in the language a member chooses (in this view or another): the words of every
 * component come from `t()` at render time, so a new language is a new render from the root.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { subscribeLanguage } from '@/utils/popup/language';

export function LanguageRoot({ children }: { children: (language: number) => ReactNode }) {
  const [language, setRevision] = useState(0);
  useEffect(() => subscribeLanguage(() => setRevision((n) => n + 1)), []);
  return <>{children(language)}</>;
}

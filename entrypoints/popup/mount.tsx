/**
 * The React popup, loaded by entrypoints/popup/main.tsx with a dynamic import: React and
 * react-dom are in this chunk, not in the popup's entry, so the entry runs (and can put the kept
 * first screen on screen) before react-dom is fetched and compiled.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/popup/App';
import { LanguageRoot } from '@/components/common/LanguageRoot';
import { initLanguage } from '@/utils/popup/language';

/** Render the popup into `root` (React's first commit replaces whatever was painted there early). */
export function mount(root: HTMLElement): void {
  performance.mark('docket:render');
  initLanguage();
  createRoot(root).render(
    <StrictMode>
      <LanguageRoot>{(language) => <App key={language} />}</LanguageRoot>
    </StrictMode>,
  );
}

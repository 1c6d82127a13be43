/** Docket in a tab, loaded by entrypoints/docket/main.tsx once its first question is on its way. */
import { StrictMode } from 'react';
import type { ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { FullPage } from '@/components/full-page/FullPage';
import { LanguageRoot } from '@/components/common/LanguageRoot';
import { initLanguage } from '@/utils/popup/language';

export function mount(root: HTMLElement, props: ComponentProps<typeof FullPage>): void {
  initLanguage();
  createRoot(root).render(
    <StrictMode>
      <LanguageRoot>{(language) => <FullPage key={language} {...props} />}</LanguageRoot>
    </StrictMode>,
  );
}

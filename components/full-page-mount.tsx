/** Docket in a tab, loaded by entrypoints/docket/main.tsx once its first question is on its way. */
import { StrictMode } from 'react';
import type { ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { FullPage } from './FullPage';

export function mount(root: HTMLElement, props: ComponentProps<typeof FullPage>): void {
  createRoot(root).render(
    <StrictMode>
      <FullPage {...props} />
    </StrictMode>,
  );
}

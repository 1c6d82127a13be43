import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

import { VIEWS, panelId, tabId } from '@/utils/popup/views';
import type { ViewId } from '@/utils/popup/views';
import { t } from '@/utils/shared/i18n';

export { panelId, tabId };
export type { ViewId };

/** The views as a tab list: arrow keys, Home and End move between tabs (roving tabindex). */
export function ViewTabs({ active, onChange }: { active: ViewId; onChange: (view: ViewId) => void }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const i = VIEWS.findIndex((v) => v.id === active);
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % VIEWS.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + VIEWS.length) % VIEWS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = VIEWS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onChange(VIEWS[next]!.id);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={t('views_label')} onKeyDown={onKeyDown}>
      {VIEWS.map((v, i) => (
        <button
          key={v.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(v.id)}
          aria-controls={panelId(v.id)}
          aria-selected={v.id === active}
          tabIndex={v.id === active ? 0 : -1}
          onClick={() => onChange(v.id)}
        >
          {v.label}
          {v.more && <span className="sr-only">{v.more}</span>}
        </button>
      ))}
    </div>
  );
}

import { useEffect, useId, useRef } from 'react';
import { t } from '@/utils/shared/i18n';

/** "How Docket works": badges and their colours, the card's keys, the search filters, Scan, the group's index. */
export function HowItWorks({ onClose }: { onClose: () => void }) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="how-it-works"
      aria-labelledby={`${id}-heading`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={`${id}-heading`}>{t('help_heading')}</h2>
      <ul>
        <li>{t('help_badges')}</li>
        <li>{t('help_colours')}</li>
        <li>{t('help_card')}</li>
        <li>{t('help_search')}</li>
        <li>{t('help_scan')}</li>
        <li>{t('help_group')}</li>
      </ul>
      <button type="button" onClick={onClose}>
        {t('help_close')}
      </button>
    </section>
  );
}

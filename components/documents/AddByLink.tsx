import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { parseDocLink } from '@/utils/shared/links';
import type { DocRef } from '@/utils/shared/links';
import { t } from '@/utils/shared/i18n';

/** "Add a document by link": any link form Docket understands (CONTRACT §1). */
export function AddByLink({ onLink }: { onLink: (ref: DocRef, href: string) => void }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const href = value.trim();
    if (!href) {
      setProblem(t('docs_add_link_empty'));
      return;
    }
    // Also take a link pasted without its scheme ("docs.google.com/document/d/…").
    const ref = parseDocLink(href) ?? (/^[\w-]+(\.[\w-]+)+\//.test(href) ? parseDocLink(`https://${href}`) : null);
    if (!ref) {
      setProblem(t('docs_add_link_invalid'));
      return;
    }
    setProblem(null);
    setValue('');
    onLink(ref, href);
  }

  return (
    <form className="add-by-link" onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-link`}>{t('add_by_link_label')}</label>
      <div className="inline-fields">
        <input
          id={`${id}-link`}
          type="url"
          inputMode="url"
          placeholder="https://docs.google.com/…"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            if (problem) setProblem(null);
          }}
        />
        <button type="submit">{t('add_by_link_button')}</button>
      </div>
      <p id={`${id}-problem`} className="field-error" aria-live="polite">
        {problem}
      </p>
    </form>
  );
}

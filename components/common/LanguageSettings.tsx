/**
 * The interface's language: the browser's (the default), or one a member chooses. The choice applies at once in
 * every view (popup, Docket in a tab, badges on open pages, menus and notifications).
 */
import { useId, useState } from 'react';
import { LANGUAGES, chosenLanguage, isLanguageCode, t } from '@/utils/shared/i18n';
import { chooseLanguage } from '@/utils/popup/language';
import { errorMessage } from '@/utils/popup/errors';

export function LanguageSettings() {
  const id = useId();
  const [value, setValue] = useState<string>(chosenLanguage() ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field language-setting">
      <label htmlFor={id}>{t('language_label')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          setProblem(null);
          chooseLanguage(isLanguageCode(next) ? next : null).catch((error: unknown) => setProblem(errorMessage(error)));
        }}
      >
        <option value="">{t('language_browser')}</option>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code.replace('_', '-')}>
            {l.name}
          </option>
        ))}
      </select>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

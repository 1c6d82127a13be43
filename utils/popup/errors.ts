import { t } from '../shared/i18n';
/** A readable message for anything `send` (or the browser) rejected with. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  return t('error_generic');
}

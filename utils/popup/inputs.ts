/** What the member types, checked: a workstream's account, reminder days. */
import { ACCOUNT_RE } from '../shared/model';
import { t } from '../shared/i18n';

/** Why a workstream's account is not usable, or null (empty is fine: no account). */
export function accountProblem(value: string): string | null {
  const v = value.trim();
  if (!v || ACCOUNT_RE.test(v)) return null;
  return t('ws_form_account_invalid', { min: 0, max: 99 });
}

export const MAX_REMINDER_DAYS = 30;

/** "Days before" as typed: a whole number 0–30, or null. */
export function parseDaysBefore(value: string): number | null {
  const v = value.trim();
  if (!/^\d{1,2}$/.test(v)) return null;
  const n = Number(v);
  return n <= MAX_REMINDER_DAYS ? n : null;
}

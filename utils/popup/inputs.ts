/** What the member types, checked: a workstream's account, reminder days. */
import { ACCOUNT_RE } from '../shared/model';

/** Why a workstream's account is not usable, or null (empty is fine: no account). */
export function accountProblem(value: string): string | null {
  const v = value.trim();
  if (!v || ACCOUNT_RE.test(v)) return null;
  return 'Enter an account number (0 to 99, as in /u/1/ in Google’s addresses) or an e-mail address such as name@example.org.';
}

export const MAX_REMINDER_DAYS = 30;

/** "Days before" as typed: a whole number 0–30, or null. */
export function parseDaysBefore(value: string): number | null {
  const v = value.trim();
  if (!/^\d{1,2}$/.test(v)) return null;
  const n = Number(v);
  return n <= MAX_REMINDER_DAYS ? n : null;
}

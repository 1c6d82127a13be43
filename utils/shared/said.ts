/**
 * A sentence one world says and another shows (the background's errors, shown by Docket's pages): its message
 * key and values, not its words. The view that shows it puts it into words in its own language, so that a
 * member's chosen language applies even to what the background said before the choice reached it.
 *
 * A value may itself be a `Said` (a reason inside a sentence: "No row could be read (the first problem: …)"), or
 * a list of them, said one after the other (`said_list_separator`). Stored ones (a sync's last error) keep their
 * key and values, so that a member who changes language reads them in the new one.
 */
import { t, tn, type MessageKey, type PluralKey } from './i18n';

export type SaidValue = string | number | Said | Said[];
export type SaidVars = Record<string, SaidValue>;
export type Said = { key: MessageKey; vars?: SaidVars } | { key: PluralKey; count: number; vars?: SaidVars };

export function said(key: MessageKey, vars?: SaidVars): Said {
  return vars ? { key, vars } : { key };
}

/** A sentence that depends on a number (`tn`). */
export function saidN(key: PluralKey, count: number, vars?: SaidVars): Said {
  return vars ? { key, count, vars } : { key, count };
}

/** True for a value shaped like a `Said` (read from storage or another world's reply). */
export function isSaid(value: unknown): value is Said {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const s = value as { key?: unknown; count?: unknown; vars?: unknown };
  return (
    typeof s.key === 'string' &&
    (s.count === undefined || typeof s.count === 'number') &&
    (s.vars === undefined || (typeof s.vars === 'object' && s.vars !== null))
  );
}

function words(value: SaidValue): string | number {
  if (Array.isArray(value)) return value.map(say).join(t('said_list_separator'));
  if (typeof value === 'object' && value !== null) return say(value);
  return value;
}

/** Its words in the language in use ('' when this language has no such key: an older page). */
export function say(s: Said): string {
  let vars: Record<string, string | number> | undefined;
  if (s.vars) {
    vars = {};
    for (const [name, value] of Object.entries(s.vars)) vars[name] = words(value);
  }
  return 'count' in s && typeof s.count === 'number' ? tn(s.key as PluralKey, s.count, vars) : t(s.key as MessageKey, vars);
}

/** Its words in the language in use, or `fallback` (words said before, stored as text) when there are none. */
export function sayOr(s: Said | undefined, fallback: string | undefined): string {
  return (s && isSaid(s) && say(s)) || fallback || '';
}

/**
 * An error a member reads: `message` in the words of the world that threw it (logs, and a fallback), `said`
 * for the page that shows it (the background's answer carries it: utils/shared/protocol.ts).
 */
export class SaidError extends Error {
  constructor(readonly said: Said) {
    super(say(said));
    this.name = 'SaidError';
  }
}

/** The `Said` an error carries, if it is one. */
export function saidOf(error: unknown): Said | undefined {
  const s = (error as { said?: Said } | null)?.said;
  return s && typeof s.key === 'string' ? s : undefined;
}

/**
 * A sentence one world says and another shows (the background's errors, shown by Docket's pages): its message
 * key and values, not its words. The view that shows it puts it into words in its own language, so that a
 * member's chosen language applies even to what the background said before the choice reached it.
 */
import { t, tn, type MessageKey, type PluralKey, type Vars } from './i18n';

export type Said = { key: MessageKey; vars?: Vars } | { key: PluralKey; count: number; vars?: Vars };

export function said(key: MessageKey, vars?: Vars): Said {
  return vars ? { key, vars } : { key };
}

/** A sentence that depends on a number (`tn`). */
export function saidN(key: PluralKey, count: number, vars?: Vars): Said {
  return vars ? { key, count, vars } : { key, count };
}

/** Its words in the language in use. */
export function say(s: Said): string {
  return 'count' in s ? tn(s.key, s.count, s.vars) : t(s.key, s.vars);
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

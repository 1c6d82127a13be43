/**
 * Looking ids up in the index, one message per chunk (the protocol takes at most 20,000 ids). A
 * chunk that fails costs only its own links their badges (issue 13, item 6): its ids stay unknown,
 * the other chunks' answers are kept, and the first error is returned for the caller to report.
 */
import type { BadgeFields } from '../shared/model';

/** Ids per lookup message by default. */
export const LOOKUP_CHUNK = 5_000;

/**
 * Ask `lookup` for `ids`, `size` at a time; `found(id, fields)` hears every id of each chunk that
 * answered (null: not tracked). Resolves with the first failure, if any.
 */
export async function lookupInChunks(
  ids: readonly string[],
  size: number,
  lookup: (ids: string[]) => Promise<Record<string, BadgeFields>>,
  found: (id: string, fields: BadgeFields | null) => void,
): Promise<{ messages: number; failure?: unknown }> {
  let failure: unknown;
  let messages = 0;
  for (let i = 0; i < ids.length; i += size) {
    const chunk = ids.slice(i, i + size);
    messages++;
    let records: Record<string, BadgeFields>;
    try {
      records = await lookup(chunk);
    } catch (error) {
      failure ??= error;
      continue;
    }
    // Own properties only: a link's id may be `constructor` or `hasOwnProperty`.
    for (const id of chunk) found(id, (Object.hasOwn(records, id) ? records[id] : undefined) ?? null);
  }
  return failure === undefined ? { messages } : { messages, failure };
}

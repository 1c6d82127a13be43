/**
 * The background's side of the protocol: who may send what, the shape of every request, and
 * which handler answers it. The handlers live by area in handlers/ (reads, writes, imports,
 * subscriptions, settings, the full page's table), made from injected dependencies so that tests
 * call `dispatch` directly with fake senders over fake-indexeddb.
 */
import * as v from 'valibot';
import { type HandlersFor, type Sender, type ServiceDeps, handlerContext } from './handlers/context';
import { createExportHandlers } from './handlers/exports';
import { createImportHandlers } from './handlers/imports';
import { createReadHandlers } from './handlers/reads';
import { createSettingsHandlers } from './handlers/settings';
import { createSubscriptionHandlers } from './handlers/subscriptions';
import { createTableHandlers } from './handlers/table';
import { OPERATION_WRITES, createOperationHandlers } from './handlers/operations';
import { createTabHandlers } from './handlers/tabs';
import { createWriteHandlers } from './handlers/writes';
import { ACCESS, REQUEST_SCHEMAS } from './protocol-schemas';
import { errorCode } from '../shared/protocol';
import { said, saidOf, say, type Said } from '../shared/said';
import type { Envelope, MessageType, ProtocolMap, Reply } from '../shared/protocol';

export type { Sender, ServiceDeps };

/** Messages that change the index: refused while it is read-only. */
const WRITES = new Set<MessageType>([
  'doc/put',
  'doc/delete',
  'docs/track',
  'ws/put',
  'ws/delete',
  'import/apply',
  'snapshots/restore',
  'subscriptions/add',
  'subscriptions/sync',
  ...OPERATION_WRITES,
]);

type Handlers = HandlersFor<MessageType>;

/** Every message's handler, each area's made from one context (one index in memory, one clock). */
export function createHandlers(deps: ServiceDeps): Handlers {
  const context = handlerContext(deps);
  return {
    ...createReadHandlers(context),
    ...createWriteHandlers(context),
    ...createImportHandlers(context),
    ...createExportHandlers(context),
    ...createSubscriptionHandlers(context),
    ...createSettingsHandlers(context),
    ...createTableHandlers(context),
    ...createOperationHandlers(context),
    ...createTabHandlers(context),
  };
}

/** Who sent it: Docket's own pages, or a content script (in a tab, at a web page). */
export function senderKind(
  sender: Sender,
  deps: Pick<ServiceDeps, 'extensionId' | 'extensionOrigin'>,
): 'page' | 'content' | null {
  if (sender.id !== deps.extensionId) return null;
  if (sender.url?.startsWith(deps.extensionOrigin)) return 'page';
  if (sender.tab) return 'content';
  return null;
}

/** A refusal: in the background's words, and as a message key and values that the page says in its language. */
function refused(why: Said): Reply<unknown> {
  return { ok: false, error: say(why), said: why };
}

/** Check the sender and the shape, then run the handler. Never throws: errors become `{ ok: false }`. */
export async function dispatch(
  message: unknown,
  sender: Sender,
  handlers: Handlers,
  deps: Pick<ServiceDeps, 'extensionId' | 'extensionOrigin' | 'readOnlyReason'>,
): Promise<Reply<unknown>> {
  const envelope = message as Partial<Envelope> | null;
  const type = envelope && typeof envelope === 'object' ? envelope.type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(REQUEST_SCHEMAS, type)) {
    return refused(said('error_message_unknown'));
  }
  const kind = senderKind(sender, deps);
  if (!kind) return refused(said('error_message_foreign'));
  const t = type as MessageType;
  if (ACCESS[t] === 'page' && kind !== 'page') {
    return refused(said('error_message_pages_only'));
  }
  const readOnly = deps.readOnlyReason?.();
  if (readOnly && WRITES.has(t)) return typeof readOnly === 'string' ? { ok: false, error: readOnly } : refused(readOnly);
  const parsed = v.safeParse(REQUEST_SCHEMAS[t], envelope!.data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    // The request's type, field and valibot's words: a sign of a bug (Docket's pages check what they send).
    return refused(said('error_message_invalid', { type: t, where: path ? ` (${path})` : '', issue: issue.message }));
  }
  try {
    const handler = handlers[t] as (data: unknown, sender: Sender) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.output, sender) };
  } catch (error) {
    const code = errorCode(error);
    const s = saidError(error);
    const reply: Reply<unknown> = { ok: false, error: s ? say(s) : describeError(error) };
    if (code) reply.code = code;
    if (s) reply.said = s;
    return reply;
  }
}

/** What the page says in its own language, for the errors Docket words itself. */
function saidError(error: unknown): Said | undefined {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return said('error_disk_full');
  if (name === 'AbortError' || name === 'UnknownError') {
    return said('error_write_stopped', { why: (error as Error).message || name });
  }
  return saidOf(error);
}

/** Errors in words a member can act on. */
export function describeError(error: unknown): string {
  const s = saidError(error);
  if (s) return say(s);
  return error instanceof Error ? error.message : String(error);
}

export type { ProtocolMap };

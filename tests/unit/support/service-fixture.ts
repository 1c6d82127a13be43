/**
 * The background service under test (service.ts over fake-indexeddb): its senders, dependencies
 * with every outside effect a mock, and a `call` that dispatches one message as the browser would.
 */
import { vi } from 'vitest';
import type { DocketDB } from '@/utils/background/db/schema';
import { createHandlers, dispatch, type Sender, type ServiceDeps } from '@/utils/background/service';

export const ID = 'docket-extension-id';
export const ORIGIN = `chrome-extension://${ID}/`;
/** Docket's own pages. */
export const POPUP: Sender = { id: ID, url: `${ORIGIN}popup.html` };
export const PAGE: Sender = { id: ID, url: `${ORIGIN}docket.html` };

/** Dependencies over `db`, each effect a mock (no network, no windows, no sites); `more` replaces any of them. */
export function fakeDeps(db: DocketDB, more: Partial<ServiceDeps> = {}): ServiceDeps {
  return {
    db: async () => db,
    extensionId: ID,
    extensionOrigin: ORIGIN,
    now: () => '2026-11-22T10:00:00.000Z',
    indexChanged: vi.fn(async () => undefined),
    openEditorWindow: vi.fn(async () => undefined),
    sites: { get: vi.fn(), enable: vi.fn(), disable: vi.fn() },
    journal: { begin: vi.fn(async () => undefined), end: vi.fn(async () => undefined) },
    fetcher: { allowed: vi.fn(async () => true), fetch: vi.fn() },
    status: { get: vi.fn(async () => ({})), dismiss: vi.fn(async () => ({})) },
    ...more,
  };
}

export type Call = (
  type: string,
  data: unknown,
  sender?: Sender,
) => Promise<{ ok: boolean; result?: any; error?: string; code?: string }>;

/** One message through the service made from `deps`, as if sent by `sender` (by default `from`). */
export function caller(deps: ServiceDeps, from: Sender = POPUP): Call {
  const handlers = createHandlers(deps);
  return (type, data, sender = from) => dispatch({ type, data }, sender, handlers, deps) as never;
}

/** An export as the page receives it: started, then its pieces (`export/piece`) joined. */
export async function exported(
  call: Call,
  type: 'export' | 'docs/export',
  data: unknown,
): Promise<{ filename: string; text: string }> {
  const started = await call(type, data);
  if (!started.ok) throw new Error(started.error);
  const parts: string[] = [];
  for (let index = 0; ; index++) {
    const piece = await call('export/piece', { exportId: started.result.exportId, index });
    if (!piece.ok) throw new Error(piece.error);
    parts.push(piece.result.chunk);
    if (piece.result.last) break;
  }
  return { filename: started.result.filename, text: parts.join('') };
}

/**
 * Scan's downloads (a PDF in the tab, a Google document's export) within limits (issue 28, item 12):
 * at most SCAN_MAX_BYTES read (README, "Scan minutes"), a download that sends nothing for
 * SCAN_STALL_MS stopped (waiting for the answer or for the next piece of it), and a stop at the
 * member's request (an AbortSignal: Cancel, or the popup closing). The body is read piece by piece
 * (utils/shared/read-body.ts), never whole, so that a 400 MB answer costs at most the cap.
 */
import { contentLength, readBytes } from '../../shared/read-body';
import { intlLocale, uiLang } from '../../shared/i18n';

/** The most Scan downloads of one file (the README states it). */
export const SCAN_MAX_BYTES = 50 * 1024 * 1024;
/** A download that sends nothing for this long is stopped (the member may try again). */
export const SCAN_STALL_MS = 20_000;

export interface DownloadLimits {
  maxBytes?: number;
  stallMs?: number;
  signal?: AbortSignal;
  /** Bytes read so far, and the size the server announced (null: not said). */
  onBytes?: (bytes: number, total: number | null) => void;
}

export type DownloadFailureReason = 'too-large' | 'stalled' | 'cancelled' | 'unreachable' | 'cut';

export class DownloadFailure extends Error {
  constructor(
    readonly reason: DownloadFailureReason,
    message: string = reason,
  ) {
    super(message);
    this.name = 'DownloadFailure';
  }
}

export interface Downloaded {
  response: Response;
  data: Uint8Array;
}

/** "50 MB" (the size limit as the member reads it), as the language in use writes megabytes ("50 МБ", "50 Mo"). */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const n = mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : Math.round(mb * 10) / 10;
  try {
    return new Intl.NumberFormat(intlLocale() ?? uiLang(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
      n,
    );
  } catch {
    return `${n} MB`;
  }
}

/**
 * Fetch `url` and read its body within the limits. `inspect` sees the answer before its body is
 * read: throwing there refuses it (the body is then not read). Fails with a DownloadFailure (or
 * what `inspect` threw).
 */
export async function download(
  fetchFn: (url: string, init?: RequestInit) => Promise<Response>,
  url: string,
  init: RequestInit,
  limits: DownloadLimits = {},
  inspect?: (response: Response) => void,
): Promise<Downloaded> {
  const maxBytes = limits.maxBytes ?? SCAN_MAX_BYTES;
  const stallMs = limits.stallMs ?? SCAN_STALL_MS;
  const outer = limits.signal;
  if (outer?.aborted) throw new DownloadFailure('cancelled');
  // Our own controller: aborted when the member cancels, and when the answer does not come.
  const controller = new AbortController();
  const cancel = () => controller.abort();
  outer?.addEventListener('abort', cancel, { once: true });
  try {
    let stalled = false;
    const timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
    let response: Response;
    try {
      response = await new Promise<Response>((resolve, reject) => {
        // A fetch that ignores its signal still ends here when aborted.
        controller.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
        fetchFn(url, { ...init, signal: controller.signal }).then(resolve, reject);
      });
    } catch (e) {
      if (stalled) throw new DownloadFailure('stalled');
      if (outer?.aborted) throw new DownloadFailure('cancelled');
      throw new DownloadFailure('unreachable', e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
    try {
      inspect?.(response);
    } catch (e) {
      await response.body?.cancel().catch(() => undefined);
      throw e;
    }
    const announced = contentLength(response.headers.get('content-length'));
    const read = await readBytes(response.body, announced, {
      maxBytes,
      idleMs: stallMs,
      signal: controller.signal,
      onBytes: (n) => limits.onBytes?.(n, announced),
    });
    if (!read.ok)
      throw new DownloadFailure(read.reason === 'cancelled' && !outer?.aborted ? 'stalled' : read.reason, read.detail);
    return { response, data: read.data };
  } finally {
    outer?.removeEventListener('abort', cancel);
  }
}

/**
 * Reading a downloaded body without trusting it (issue 13, item 9; issue 28, item 12): a byte cap
 * checked against Content-Length first and then while streaming, a limit on how long the body may
 * stall, a stop on request (an AbortSignal), and a body that ends early (fewer bytes than
 * announced, or the connection cut) is a failure, never a shorter file. The background reads a
 * subscription's sheet with it, the popup's Scan a PDF or a Google document's export.
 */

export interface BodyLimits {
  maxBytes: number;
  /** The longest wait for the next piece of the body. */
  idleMs: number;
  /** The longest the whole body may take (a body that trickles in forever is stalled too). */
  totalMs?: number;
  /** Stops reading (the member cancelled). */
  signal?: AbortSignal;
  /** Bytes read so far, after each piece. */
  onBytes?: (bytes: number) => void;
}

export type BodyFailure = { ok: false; reason: 'too-large' | 'stalled' | 'cut' | 'cancelled'; bytes: number; detail?: string };
export type BodyResult = { ok: true; text: string; bytes: number } | BodyFailure;
export type BytesResult = { ok: true; data: Uint8Array; bytes: number } | BodyFailure;

/** `Content-Length` as a number, or null when absent or not a plain number. */
export function contentLength(header: string | null | undefined): number | null {
  if (!header || !/^\s*\d{1,16}\s*$/.test(header)) return null;
  return Number(header);
}

/**
 * Read `body`, `limits.maxBytes` at most. `announced` is the Content-Length (null: none). When
 * reading stops early the body is cancelled (which stops the download).
 */
export async function readBytes(
  body: ReadableStream<Uint8Array> | null,
  announced: number | null,
  limits: BodyLimits,
): Promise<BytesResult> {
  const { signal } = limits;
  if (signal?.aborted) {
    await body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'cancelled', bytes: 0 };
  }
  if (announced !== null && announced > limits.maxBytes) {
    await body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too-large', bytes: 0 };
  }
  if (!body) return { ok: true, data: new Uint8Array(0), bytes: 0 };
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  const deadline = Date.now() + (limits.totalMs ?? Infinity);
  const stop = async (result: BodyFailure): Promise<BodyFailure> => {
    await reader.cancel().catch(() => undefined);
    return result;
  };
  for (;;) {
    if (signal?.aborted) return stop({ ok: false, reason: 'cancelled', bytes });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const interrupted = new Promise<'stalled' | 'cancelled'>((resolve) => {
      timer = setTimeout(() => resolve('stalled'), Math.max(0, Math.min(limits.idleMs, deadline - Date.now())));
      onAbort = () => resolve('cancelled');
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    let next: ReadableStreamReadResult<Uint8Array> | 'stalled' | 'cancelled';
    try {
      next = await Promise.race([reader.read(), interrupted]);
    } catch (error) {
      if (signal?.aborted) return stop({ ok: false, reason: 'cancelled', bytes });
      return stop({ ok: false, reason: 'cut', bytes, detail: (error as Error)?.message });
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
    if (next === 'stalled' || next === 'cancelled') return stop({ ok: false, reason: next, bytes });
    if (next.done) break;
    bytes += next.value.byteLength;
    if (bytes > limits.maxBytes) return stop({ ok: false, reason: 'too-large', bytes });
    parts.push(next.value);
    limits.onBytes?.(bytes);
  }
  if (announced !== null && bytes < announced) return { ok: false, reason: 'cut', bytes };
  const data = parts.length === 1 ? parts[0]! : new Uint8Array(bytes);
  if (parts.length !== 1) {
    let at = 0;
    for (const part of parts) {
      data.set(part, at);
      at += part.byteLength;
    }
  }
  return { ok: true, data, bytes };
}

/** Read `body` as UTF-8 text, within `limits` (readBytes). */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  announced: number | null,
  limits: BodyLimits,
): Promise<BodyResult> {
  const read = await readBytes(body, announced, limits);
  if (!read.ok) return read;
  return { ok: true, text: new TextDecoder('utf-8').decode(read.data), bytes: read.bytes };
}

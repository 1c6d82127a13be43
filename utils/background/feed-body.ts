/**
 * Reading a subscription's body without trusting it (issue 13, item 9): a byte cap checked
 * against Content-Length first and then while streaming, a limit on how long the body may stall,
 * and a body that ends early (fewer bytes than announced, or the connection cut) is a failure,
 * never a shorter sheet.
 */

export interface BodyLimits {
  maxBytes: number;
  /** The longest wait for the next piece of the body. */
  idleMs: number;
  /** The longest the whole body may take (a body that trickles in forever is stalled too). */
  totalMs?: number;
}

export type BodyResult =
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: 'too-large' | 'stalled' | 'cut'; bytes: number; detail?: string };

/** `Content-Length` as a number, or null when absent or not a plain number. */
export function contentLength(header: string | null | undefined): number | null {
  if (!header || !/^\s*\d{1,16}\s*$/.test(header)) return null;
  return Number(header);
}

/**
 * Read `body` as UTF-8 text, `limits.maxBytes` at most. `announced` is the Content-Length (null:
 * none). `cancel` is called when reading stops early (to stop the download).
 */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  announced: number | null,
  limits: BodyLimits,
): Promise<BodyResult> {
  if (announced !== null && announced > limits.maxBytes) {
    await body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too-large', bytes: 0 };
  }
  if (!body) return { ok: true, text: '', bytes: 0 };
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let bytes = 0;
  const deadline = Date.now() + (limits.totalMs ?? Infinity);
  const stop = async (result: BodyResult): Promise<BodyResult> => {
    await reader.cancel().catch(() => undefined);
    return result;
  };
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<'stalled'>((resolve) => {
      timer = setTimeout(() => resolve('stalled'), Math.max(0, Math.min(limits.idleMs, deadline - Date.now())));
    });
    let next: ReadableStreamReadResult<Uint8Array> | 'stalled';
    try {
      next = await Promise.race([reader.read(), stalled]);
    } catch (error) {
      return stop({ ok: false, reason: 'cut', bytes, detail: (error as Error)?.message });
    } finally {
      clearTimeout(timer);
    }
    if (next === 'stalled') return stop({ ok: false, reason: 'stalled', bytes });
    if (next.done) break;
    bytes += next.value.byteLength;
    if (bytes > limits.maxBytes) return stop({ ok: false, reason: 'too-large', bytes });
    parts.push(decoder.decode(next.value, { stream: true }));
  }
  if (announced !== null && bytes < announced) return { ok: false, reason: 'cut', bytes };
  parts.push(decoder.decode());
  return { ok: true, text: parts.join(''), bytes };
}

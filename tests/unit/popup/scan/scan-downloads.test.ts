// @vitest-environment happy-dom
/**
 * Issue 28, items 12 and 13: Scan's downloads (a PDF in the tab, a Google document's export) within
 * limits — a size cap read piece by piece, a stalled download stopped with a message, the member's
 * Cancel, a long PDF's pages counted and stoppable — and a Google export only as Google answers it
 * (not sent on to another site; a sign-in page said as such, not "offline").
 */
import { describe, expect, it, vi } from 'vitest';
import { SCAN_MAX_BYTES } from '@/utils/popup/scan/download';
import { readPdf } from '@/utils/popup/scan/pdf';
import type { PdfJs } from '@/utils/popup/scan/pdf';
import { SourceError, readTabSource } from '@/utils/popup/scan/source';
import type { SourceDeps } from '@/utils/popup/scan/source';

const DOC_URL = 'https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/edit';
const PDF_URL = 'https://example.org/files/minutes.pdf';
const MB = new Uint8Array(1024 * 1024).fill(0x20);

interface FakeBody {
  /** Pieces handed out so far. */
  pulled: number;
  cancelled: boolean;
}

/**
 * A response as fetch gives it: `pieces` is how many 1 MB pieces the body sends (Infinity: never
 * ends), then it stalls if `stall`, else ends.
 */
function answer(
  opts: {
    url?: string;
    status?: number;
    type?: ResponseType;
    redirected?: boolean;
    headers?: Record<string, string>;
    pieces?: number;
    first?: Uint8Array;
    stall?: boolean;
  } = {},
): { response: Response; body: FakeBody } {
  const state: FakeBody = { pulled: 0, cancelled: false };
  const pieces = opts.pieces ?? 1;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (state.pulled >= pieces) {
          if (opts.stall) return new Promise<void>(() => undefined);
          c.close();
          return;
        }
        c.enqueue(state.pulled === 0 && opts.first ? opts.first : MB);
        state.pulled++;
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const status = opts.status ?? 200;
  const response = {
    ok: status >= 200 && status < 300,
    status,
    url: opts.url ?? '',
    type: opts.type ?? 'basic',
    redirected: !!opts.redirected,
    headers: new Headers(opts.headers ?? {}),
    body,
  } as unknown as Response;
  return { response, body: state };
}

function deps(fetch: SourceDeps['fetch'], over: Partial<SourceDeps> = {}): SourceDeps {
  return {
    snapshot: vi.fn(async () => Promise.reject(new Error('no content script'))),
    fetch: vi.fn(fetch),
    hasOrigin: vi.fn(async () => true),
    readPdf: vi.fn(async () => ({ html: '<p>pdf</p>', title: 'Minutes', pages: 2 })),
    ...over,
  };
}

const EXPORT_URL = 'https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/export?format=html';

describe('Scan’s downloads have a size limit', () => {
  it('a PDF past the limit, sent without a size: reading stops at the limit, said plainly', async () => {
    const huge = answer({ pieces: Infinity, headers: { 'content-type': 'application/pdf' }, url: PDF_URL });
    const d = deps(async () => huge.response);
    const err = await readTabSource({ url: PDF_URL }, d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ reason: 'too-large', message: expect.stringMatching(/larger than 50 MB.*nothing was scanned/) });
    // Read piece by piece, and stopped just past the limit (never the whole answer).
    expect(huge.body.pulled).toBeLessThanOrEqual(SCAN_MAX_BYTES / MB.length + 2);
    expect(huge.body.cancelled).toBe(true);
    expect(d.readPdf).not.toHaveBeenCalled();
  });

  it('a Google export that announces more than the limit is not read at all', async () => {
    const big = answer({
      pieces: Infinity,
      url: EXPORT_URL,
      headers: { 'content-type': 'text/html', 'content-length': String(150 * 1024 * 1024) },
    });
    const err = await readTabSource(
      { url: DOC_URL },
      deps(async () => big.response),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'too-large', message: expect.stringMatching(/export is larger than 50 MB/) });
    expect(big.body.pulled).toBe(0);
  });

  it('under the limit: read whole, with the bytes read reported', async () => {
    const first = new TextEncoder().encode('%PDF-1.4 ');
    const ok = answer({ pieces: 3, first, url: PDF_URL, headers: { 'content-type': 'application/pdf' } });
    const d = deps(async () => ok.response);
    const progress = vi.fn();
    expect(await readTabSource({ url: PDF_URL }, d, progress)).toMatchObject({ kind: 'pdf', pages: 2 });
    const bytes = vi.mocked(d.readPdf).mock.calls[0]![0];
    expect(bytes.byteLength).toBe(first.byteLength + 2 * MB.byteLength);
    expect(progress).toHaveBeenCalledWith({ phase: 'fetching', done: bytes.byteLength, total: 0 });
  });
});

describe('a stalled download is stopped, with a message to try again', () => {
  it('no answer at all: the request is aborted after the stall limit', async () => {
    let signal: AbortSignal | undefined;
    const d = deps(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init?.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const err = await readTabSource({ url: PDF_URL }, d, undefined, { stallMs: 30 }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      reason: 'stalled',
      message: expect.stringMatching(/example\.org stopped sending this file.*Try again/),
    });
    expect(signal?.aborted).toBe(true);
  });

  it('a body that stops coming: stopped, the download cancelled', async () => {
    const slow = answer({ pieces: 1, stall: true, url: EXPORT_URL, headers: { 'content-type': 'text/html' } });
    const err = await readTabSource(
      { url: DOC_URL },
      deps(async () => slow.response),
      undefined,
      { stallMs: 30 },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'stalled', message: expect.stringMatching(/Google stopped sending/) });
    expect(slow.body.cancelled).toBe(true);
  });
});

describe('the member can cancel', () => {
  it('while the file downloads: nothing is read, the download stops', async () => {
    const controller = new AbortController();
    const slow = answer({ pieces: 2, stall: true, url: PDF_URL, headers: { 'content-type': 'application/pdf' } });
    const progress = vi.fn((p: { done: number }) => {
      if (p.done >= 2 * MB.length) controller.abort();
    });
    const d = deps(async () => slow.response);
    const err = await readTabSource({ url: PDF_URL }, d, progress, { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'cancelled', message: 'Scan cancelled: nothing was read.' });
    expect(slow.body.cancelled).toBe(true);
    expect(d.readPdf).not.toHaveBeenCalled();
  });

  it('while a PDF is read: the signal reaches pdf.js’s reading', async () => {
    const controller = new AbortController();
    const ok = answer({ pieces: 1, first: new TextEncoder().encode('%PDF-1.7'), url: PDF_URL });
    const d = deps(async () => ok.response, {
      readPdf: vi.fn(async (_b, _p, signal?: AbortSignal) => {
        controller.abort();
        if (signal?.aborted) throw new DOMException('stopped', 'AbortError');
        return { html: '', title: '', pages: 1 };
      }),
    });
    await expect(readTabSource({ url: PDF_URL }, d, undefined, { signal: controller.signal })).rejects.toMatchObject({
      reason: 'cancelled',
    });
  });

  it('a PDF of 20,000 pages: pages read of the total reported, stopped between pages', async () => {
    const controller = new AbortController();
    const destroy = vi.fn(async () => undefined);
    const getPage = vi.fn(async () => ({
      getTextContent: async () => ({ items: [] }),
      getAnnotations: async () => [],
    }));
    const pdfjs: PdfJs = {
      getDocument: () => ({
        promise: Promise.resolve({ numPages: 20_000, getPage, getMetadata: async () => ({}), destroy }),
      }),
    };
    const seen: Array<[number, number]> = [];
    const read = readPdf(
      pdfjs,
      new Uint8Array(8),
      (done, total) => {
        seen.push([done, total]);
        if (done === 3) controller.abort();
      },
      controller.signal,
    );
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([
      [0, 20_000],
      [1, 20_000],
      [2, 20_000],
      [3, 20_000],
    ]);
    expect(getPage).toHaveBeenCalledTimes(3);
    expect(destroy).toHaveBeenCalled();
  });
});

describe('a Google export is scanned only as Google itself answers it', () => {
  it('sent on to another site (one Docket may read): refused, that site named, its answer not read', async () => {
    const moved = answer({
      url: 'https://www.intgovforum.org/not-the-document.html',
      redirected: true,
      headers: { 'content-type': 'text/html' },
    });
    const err = await readTabSource(
      { url: DOC_URL },
      deps(async () => moved.response),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({
      reason: 'refused',
      message: expect.stringMatching(/another site \(www\.intgovforum\.org\).*only what Google itself answers/),
    });
    expect(moved.body.pulled).toBe(0);
  });

  it('moved within Google: read', async () => {
    const within = answer({
      url: 'https://docs.google.com/document/u/0/d/x/export?format=html',
      redirected: true,
      first: new TextEncoder().encode('<p>minutes</p>'),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect(
      await readTabSource(
        { url: DOC_URL },
        deps(async () => within.response),
      ),
    ).toMatchObject({
      kind: 'google-doc',
      html: '<p>minutes</p>',
    });
  });

  it('Google’s sign-in page, which the browser does not let Docket follow: says to sign in, not "offline"', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.redirect === 'manual') return answer({ type: 'opaqueredirect', status: 0 }).response;
      throw new TypeError('Failed to fetch');
    });
    const err = await readTabSource({ url: DOC_URL }, deps(fetch)).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'refused' });
    expect((err as Error).message).toMatch(/sign in to the Google account/i);
    expect((err as Error).message).not.toMatch(/offline/);
  });

  it('Google’s sign-in page answered (accounts.google.com): says to sign in', async () => {
    const signIn = answer({
      url: 'https://accounts.google.com/ServiceLogin?continue=https://docs.google.com/',
      redirected: true,
      headers: { 'content-type': 'text/html' },
    });
    await expect(
      readTabSource(
        { url: DOC_URL },
        deps(async () => signIn.response),
      ),
    ).rejects.toMatchObject({
      reason: 'refused',
      message: expect.stringMatching(/sign in/),
    });
  });

  it('no network at all: says Google could not be reached', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(readTabSource({ url: DOC_URL }, deps(fetch))).rejects.toMatchObject({
      reason: 'unreadable',
      message: expect.stringMatching(/could not be reached.*offline/),
    });
  });
});

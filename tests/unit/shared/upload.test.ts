import { describe, expect, it, vi } from 'vitest';
import { DocketError } from '@/utils/shared/protocol';
import { UPLOAD_CHUNK_CHARS, uploadFile, withUpload } from '@/utils/shared/upload';

/** Send a Blob through uploadFile; returns the pieces the background received. */
async function piecesOf(blob: Blob): Promise<string[]> {
  const pieces: string[] = [];
  const send = vi.fn(async (_type: 'import/upload', data: { uploadId: string; chunk: string }) => {
    pieces.push(data.chunk);
    return { received: pieces.join('').length };
  });
  const sent = await uploadFile(blob, send, undefined, 'up-test');
  expect(sent).toEqual({ uploadId: 'up-test', chars: pieces.join('').length });
  // Each piece says how many characters went before it.
  expect(send.mock.calls.map(([, d]) => (d as { offset?: number }).offset)).toEqual(
    pieces.map((_, i) => pieces.slice(0, i).join('').length),
  );
  expect(new Set(send.mock.calls.map(([, d]) => d.uploadId))).toEqual(new Set(['up-test']));
  return pieces;
}

const ascii = 'a'.repeat(UPLOAD_CHUNK_CHARS * 2 + 17);
// Multi-byte characters straddle the slice boundaries (2, 3 and 4 bytes in UTF-8).
const mixed = `${'é'.repeat(UPLOAD_CHUNK_CHARS / 2 + 1)}${'€'.repeat(1000)}${'😀'.repeat(UPLOAD_CHUNK_CHARS / 4 + 3)}x`;

describe('uploadFile', () => {
  it.each([
    ['an empty file', '', 1],
    ['a small file', '{"format":"docket-index","version":1}', 1],
    ['exactly one piece', 'b'.repeat(UPLOAD_CHUNK_CHARS), 1],
    ['ASCII over three pieces', ascii, 3],
    ['UTF-8 characters across slice boundaries', mixed, Math.ceil(new TextEncoder().encode(mixed).length / UPLOAD_CHUNK_CHARS)],
  ])('%s arrives whole, as Blob.text() reads it', async (_what, text, count) => {
    const blob = new Blob([text]);
    const pieces = await piecesOf(blob);
    expect(pieces).toHaveLength(count);
    expect(pieces.join('')).toBe(await blob.text());
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(UPLOAD_CHUNK_CHARS);
  });

  it('drops a byte-order mark and replaces invalid bytes, like Blob.text()', async () => {
    const blob = new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d])]);
    expect((await piecesOf(blob)).join('')).toBe(await blob.text());
  });

  it('reports the share sent after each piece', async () => {
    const seen: number[] = [];
    await uploadFile(
      new Blob([ascii]),
      async () => ({ received: 0 }),
      (f) => seen.push(f),
    );
    expect(seen).toEqual([UPLOAD_CHUNK_CHARS / ascii.length, (2 * UPLOAD_CHUNK_CHARS) / ascii.length, 1]);
  });
});

describe('a background that restarts between pieces (issue 13, item 14)', () => {
  it('is found out (the next piece does not follow), and the file is sent again once, whole', async () => {
    // A stand-in for the background's upload handling: it forgets everything once, after the first piece.
    const received = new Map<string, string>();
    let restarts = 1;
    const send = vi.fn(async (_type: 'import/upload', d: { uploadId: string; chunk: string; offset?: number }) => {
      const have = received.get(d.uploadId) ?? '';
      if (have.length !== (d.offset ?? 0)) throw new DocketError('restarted', 'upload-lost');
      received.set(d.uploadId, have + d.chunk);
      if (restarts && have === '') {
        restarts--;
        received.clear();
      }
      return { received: have.length + d.chunk.length };
    });
    const text = 'z'.repeat(UPLOAD_CHUNK_CHARS * 2 + 5);
    const got = await withUpload(new Blob([text]), send, async ({ uploadId, chars }) => {
      const whole = received.get(uploadId) ?? '';
      if (whole.length !== chars) throw new DocketError('restarted', 'upload-lost');
      return whole;
    });
    expect(got).toBe(text);
  });

  it('says so in a sentence when it happens twice', async () => {
    const send = vi.fn(async () => {
      throw new DocketError('Docket’s background restarted while receiving the file. Choose the file again.', 'upload-lost');
    });
    await expect(withUpload(new Blob(['x']), send, async () => 'never')).rejects.toThrow(/restarted while receiving the file/);
    expect(send).toHaveBeenCalledTimes(2);
  });
});

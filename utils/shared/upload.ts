/**
 * A file to import goes from the popup to the background in pieces (`import/upload`): one
 * message of 17 MB holds the popup's main thread for a few hundred milliseconds while the
 * browser serialises it; pieces of UPLOAD_CHUNK_CHARS take a few milliseconds each. The file
 * is read in slices too, so the popup never holds its whole text.
 */
import { errorCode, type Req, type Res } from './protocol';

/** Characters per `import/upload` message. */
export const UPLOAD_CHUNK_CHARS = 256 * 1024;

/** How far the import being written is: the background says so in storage (`importProgressItem`, storage-items.ts). */
export interface ImportProgress {
  filename: string;
  /** Documents written so far, of `total`. */
  written: number;
  total: number;
}

type Upload = (type: 'import/upload', data: Req<'import/upload'>) => Promise<Res<'import/upload'>>;

export function newUploadId(): string {
  return `up-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** An upload the background holds: its id and how many characters it got, for `import/preview` or `import/apply`. */
export interface Uploaded {
  uploadId: string;
  chars: number;
}

/**
 * Send `file` to the background in pieces, decoded as UTF-8 (like `Blob.text()`), each with the
 * number of characters sent before it (a piece after a gap is refused). `onSent(fraction)` after each piece.
 */
export async function uploadFile(
  file: Blob,
  send: Upload,
  onSent?: (fraction: number) => void,
  uploadId = newUploadId(),
): Promise<Uploaded> {
  const decoder = new TextDecoder('utf-8');
  // Bytes per slice: never more characters than bytes, so a piece stays within UPLOAD_CHUNK_CHARS.
  const step = UPLOAD_CHUNK_CHARS;
  let at = 0;
  let chars = 0;
  do {
    const end = Math.min(file.size, at + step);
    const bytes = await file.slice(at, end).arrayBuffer();
    const chunk = decoder.decode(bytes, { stream: end < file.size });
    await send('import/upload', { uploadId, chunk, offset: chars });
    chars += chunk.length;
    at = end;
    onSent?.(file.size ? at / file.size : 1);
  } while (at < file.size);
  return { uploadId, chars };
}

/**
 * Upload `file`, then `after` sends the preview or apply that names it. When the background restarted and
 * lost part of it (`upload-lost`), the file is sent again once, from its start (issue 13, item 14).
 */
export async function withUpload<T>(
  file: Blob,
  send: Upload,
  after: (uploaded: Uploaded) => Promise<T>,
  onSent?: (fraction: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await after(await uploadFile(file, send, onSent));
    } catch (error) {
      if (attempt === 0 && errorCode(error) === 'upload-lost') continue;
      throw error;
    }
  }
}

/**
 * A file to import goes from the popup to the background in pieces (`import/upload`): one
 * message of 17 MB holds the popup's main thread for a few hundred milliseconds while the
 * browser serialises it; pieces of UPLOAD_CHUNK_CHARS take a few milliseconds each. The file
 * is read in slices too, so the popup never holds its whole text.
 */
import type { Req, Res } from './protocol';

/** Characters per `import/upload` message. */
export const UPLOAD_CHUNK_CHARS = 256 * 1024;

/** Key in `storage.local` where the background says how far the import being written is (removed when done). */
export const IMPORT_PROGRESS_KEY = 'docket:import-progress';

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

/**
 * Send `file` to the background in pieces, decoded as UTF-8 (like `Blob.text()`); returns the
 * upload's id for `import/preview` or `import/apply`. `onSent(fraction)` after each piece.
 */
export async function uploadFile(
  file: Blob,
  send: Upload,
  onSent?: (fraction: number) => void,
  uploadId = newUploadId(),
): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  // Bytes per slice: never more characters than bytes, so a piece stays within UPLOAD_CHUNK_CHARS.
  const step = UPLOAD_CHUNK_CHARS;
  let at = 0;
  do {
    const end = Math.min(file.size, at + step);
    const bytes = await file.slice(at, end).arrayBuffer();
    const chunk = decoder.decode(bytes, { stream: end < file.size });
    await send('import/upload', { uploadId, chunk });
    at = end;
    onSent?.(file.size ? at / file.size : 1);
  } while (at < file.size);
  return uploadId;
}

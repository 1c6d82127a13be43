/**
 * Importing a file into the index: its pieces received (`import/upload`, so that a large file never
 * crosses as one message), a preview of what it would change, the merge written with progress for the
 * popup; and the snapshots an import leaves behind, to go back to.
 */
import * as store from '../db/store';
import { MAX_IMPORT_BYTES } from '../interchange/records';
import { runMerge } from '../sync';
import type { HandlerContext, HandlersFor } from './context';
import { DocketError, type ImportSource } from '../../shared/protocol';
import { SaidError, said } from '../../shared/said';

/** An upload not used within this time is forgotten (the popup sends its file again). */
export const UPLOAD_TTL_MS = 10 * 60_000;

/** The file's pieces did not all arrive (the background restarted meanwhile): the popup sends it again. */
function uploadLost(): DocketError {
  return new DocketError(said('error_upload_lost'), 'upload-lost');
}

type ImportMessage = 'import/upload' | 'import/preview' | 'import/apply' | 'snapshots/list' | 'snapshots/restore';

export function createImportHandlers({ deps, db, cache, now, newId, indexChanged }: HandlerContext): HandlersFor<ImportMessage> {
  /** Files sent in pieces (`import/upload`), by upload id, until a preview or apply uses them. */
  const uploads = new Map<string, { parts: string[]; chars: number; at: number }>();
  /** The file's text; an upload is used up. */
  function importText(source: ImportSource): string {
    if ('text' in source) return source.text;
    const upload = uploads.get(source.uploadId);
    uploads.delete(source.uploadId);
    // Missing, or not all of it (the background restarted between pieces): never a file cut short.
    if (!upload || (source.chars !== undefined && upload.chars !== source.chars)) throw uploadLost();
    return upload.parts.join('');
  }

  return {
    'import/upload': async ({ uploadId, chunk, offset }) => {
      const at = Date.now();
      for (const [id, u] of uploads) if (at - u.at > UPLOAD_TTL_MS) uploads.delete(id);
      let upload = uploads.get(uploadId);
      // A piece that does not follow the ones received: the pieces before it were lost (issue 13, item 14).
      if ((upload?.chars ?? 0) !== (offset ?? upload?.chars ?? 0)) {
        uploads.delete(uploadId);
        throw uploadLost();
      }
      if (!upload) uploads.set(uploadId, (upload = { parts: [], chars: 0, at }));
      // Characters never outnumber UTF-8 bytes: past the limit it is too large either way.
      if (upload.chars + chunk.length > MAX_IMPORT_BYTES) {
        uploads.delete(uploadId);
        throw new SaidError(said('error_file_too_large', { size: MAX_IMPORT_BYTES / 1024 / 1024 }));
      }
      upload.parts.push(chunk);
      upload.chars += chunk.length;
      upload.at = at;
      return { received: upload.chars };
    },
    'import/preview': async (source) =>
      runMerge({
        db: await db(),
        text: importText(source),
        filename: source.filename,
        now: now(),
        apply: false,
        journal: deps.journal,
        newId,
      }),
    'import/apply': async (source) => {
      const { filename, resolutions } = source;
      const progress = deps.importProgress;
      const report = await runMerge({
        db: await db(),
        text: importText(source),
        filename,
        now: now(),
        apply: true,
        resolutions,
        journal: deps.journal,
        newId,
        onProgress: progress && ((written, total) => void progress({ filename, written, total }).catch(() => undefined)),
        // The copy in memory takes what was written (no need to read 50,000 documents back).
        onWritten: (documents, workstreams) => {
          cache.putWorkstreams(workstreams);
          cache.putDocuments(documents);
        },
      })
        .catch((error: unknown) => {
          // Whatever the index holds now, the copy in memory is read again.
          cache.invalidate();
          throw error;
        })
        .finally(() => progress?.(null).catch(() => undefined));
      if (
        report.applied &&
        (report.documents.added || report.documents.updated || report.workstreams.added || report.workstreams.updated)
      ) {
        await indexChanged();
      }
      return report;
    },
    'snapshots/list': async () => ({ snapshots: await store.listSnapshots(await db()) }),
    'snapshots/restore': async ({ id }) => {
      const restored = await store.restoreSnapshot(await db(), id, now()).finally(() => cache.invalidate());
      await indexChanged();
      return { restored };
    },
  };
}

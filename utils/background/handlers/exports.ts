/**
 * Exports leave in pieces (issue 28, item 2): `export` (the index or one workstream) and
 * `docs/export` (the full page's selection) answer with the file's name, type and size, and
 * `export/piece` sends its text one piece at a time (the way imports arrive: ./imports.ts), so that
 * no message grows with the index: 200,000 documents export as they do 20.
 */
import * as store from '../db/store';
import { EXPORT_PIECE_CHARS, exportCsvPieces, exportJsonPieces, type ExportPieces } from '../interchange/export';
import { loadCorrections } from '../../shared/scan-memory';
import type { HandlerContext, HandlersFor } from './context';
import type { DocRecord } from '../../shared/model';
import { DocketError } from '../../shared/protocol';
import { localToday } from '../../shared/calendar';
import { SaidError, said } from '../../shared/said';

/** An export not asked for its next piece within this time is forgotten. */
export const EXPORT_TTL_MS = 10 * 60_000;

type ExportMessage = 'export' | 'docs/export' | 'export/piece';

interface Running {
  file: ExportPieces;
  /** The next piece's index, and the last piece sent (sent again if asked again: a lost reply). */
  next: number;
  last?: { chunk: string; last: boolean };
  ahead?: IteratorResult<string, undefined>;
  at: number;
}

export function createExportHandlers({ db, cache, now, newId }: HandlerContext): HandlersFor<ExportMessage> {
  const running = new Map<string, Running>();
  function begin(file: ExportPieces) {
    const at = Date.now();
    for (const [id, r] of running) if (at - r.at > EXPORT_TTL_MS) running.delete(id);
    const exportId = `ex-${newId()}`;
    running.set(exportId, { file, next: 0, at });
    return { exportId, filename: file.filename, mime: file.mime, documents: file.documents };
  }
  return {
    export: async ({ format, workstreamId }) => {
      const index = await store.getIndex(await db());
      if (workstreamId && !index.workstreams.some((w) => w.id === workstreamId)) {
        throw new SaidError(said('error_no_workstream_to_export', { id: workstreamId }));
      }
      if (format !== 'json') return begin(exportCsvPieces(index, workstreamId, now()));
      // The whole index carries Scan's memory too (a store that cannot be read: none).
      const memory = workstreamId === undefined ? await loadCorrections().catch(() => []) : [];
      return begin(exportJsonPieces(index, now(), workstreamId, EXPORT_PIECE_CHARS, memory));
    },
    'docs/export': async ({ ids, format }) => {
      await cache.check();
      const v = await cache.get();
      const found = cache.lookup(ids) ?? {};
      const documents = [...new Set(ids)].map((id) => found[id]?.doc).filter((d): d is DocRecord => !!d);
      const used = new Set(documents.map((d) => d.workstreamId));
      const index = { documents, workstreams: v.workstreams.filter((w) => used.has(w.id)) };
      const at = now();
      const file = format === 'json' ? exportJsonPieces(index, at) : exportCsvPieces(index, undefined, at);
      const n = documents.length;
      return begin({ ...file, filename: `docket-${n}-document${n === 1 ? '' : 's'}-${localToday(new Date(at))}.${format}` });
    },
    'export/piece': async ({ exportId, index }) => {
      const r = running.get(exportId);
      // The piece just sent, asked again (its reply was lost): the same piece.
      if (r?.last && index === r.next - 1) return r.last;
      if (!r || index !== r.next) {
        running.delete(exportId);
        throw new DocketError(said('error_export_restarted'));
      }
      // One piece ahead, so that the last one says so.
      const piece = r.ahead ?? r.file.pieces.next();
      r.ahead = piece.done ? piece : r.file.pieces.next();
      r.last = { chunk: piece.done ? '' : piece.value, last: !!r.ahead.done };
      r.next++;
      r.at = Date.now();
      return r.last;
    },
  };
}

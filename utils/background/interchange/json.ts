/** The JSON form (`docket-index`): a whole file read into records, or refused with a reason. */
import {
  FileSchema,
  type ImpliedField,
  type ImportContext,
  type ParseResult,
  readDocument,
  fileRefusal,
  readWorkstream,
  refusal,
  refuseFile,
  show,
} from './records';
import * as v from 'valibot';
import type { DocRecord, Workstream } from '../../shared/model';
import type { RefusedRow } from '../../shared/reports';
import { said, type Said } from '../../shared/said';
import { readCorrections } from '../../shared/scan-memory';

function jsonError(error: unknown, text: string): Said {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  if (at && !/line \d+/i.test(message)) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = Number(at[1]) - before.lastIndexOf('\n');
    return said('error_json_invalid', { where: said('error_json_where', { line, column }), message });
  }
  return said('error_json_invalid', { where: '', message });
}

export function parseJson(text: string, ctx: ImportContext): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuseFile(jsonError(error, text));
  }
  const file = v.safeParse(FileSchema, data, { abortEarly: true });
  if (!file.success) return refuseFile(fileRefusal(file.issues));
  const rawWorkstreams = file.output.workstreams ?? [];
  const rawDocuments = file.output.documents ?? [];

  const refused: RefusedRow[] = [];
  const workstreams: Workstream[] = [];
  const wsRow = new Map<string, number>();
  const refusedWs = new Map<string, number>();
  rawWorkstreams.forEach((raw, row) => {
    const r = readWorkstream(raw);
    if (!r.ok) {
      refused.push({ row, what: 'workstream', ...(r.id ? { id: r.id } : {}), ...refusal(r.reasons) });
      if (r.id && !wsRow.has(r.id)) refusedWs.set(r.id, row);
      return;
    }
    const first = wsRow.get(r.ws.id);
    if (first !== undefined) {
      refused.push({ row, what: 'workstream', id: r.ws.id, ...refusal([said('imp_duplicate_index', { index: first })]) });
      return;
    }
    wsRow.set(r.ws.id, row);
    refusedWs.delete(r.ws.id);
    workstreams.push(r.ws);
  });

  const known = new Set([...wsRow.keys(), ...ctx.existingWorkstreams.map((w) => w.id)]);
  const documents: DocRecord[] = [];
  // No prototype: a document id may be `constructor` or `__proto__`.
  const implied: Record<string, ImpliedField[]> = Object.create(null);
  const docRow = new Map<string, number>();
  rawDocuments.forEach((raw, row) => {
    const r = readDocument(raw, ctx.now);
    if (!r.ok) {
      refused.push({ row, what: 'document', ...(r.id ? { id: r.id } : {}), ...refusal(r.reasons) });
      return;
    }
    const { doc } = r;
    const refuse = (reason: Said) => refused.push({ row, what: 'document', id: doc.id, ...refusal([reason]) });
    const first = docRow.get(doc.id);
    if (first !== undefined) return refuse(said('imp_duplicate_index', { index: first }));
    if (doc.workstreamId && !known.has(doc.workstreamId)) {
      const wsAt = refusedWs.get(doc.workstreamId);
      return refuse(
        wsAt !== undefined
          ? said('imp_ws_refused', { value: show(doc.workstreamId), index: wsAt })
          : said('imp_ws_unknown', { value: show(doc.workstreamId) }),
      );
    }
    docRow.set(doc.id, row);
    documents.push(doc);
    if (r.implied.length) implied[doc.id] = r.implied;
  });
  // Scan's memory: entries whose workstream is in the file or the index (older files have none).
  const scanMemory = readCorrections((data as Record<string, unknown>).scanMemory).filter((c) => known.has(c.workstreamId));
  return { ok: true, value: { workstreams, documents, refused, implied, ...(scanMemory.length ? { scanMemory } : {}) } };
}

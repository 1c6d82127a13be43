/** Reading an import: JSON or CSV, chosen by content, after the whole-file checks (empty, too big, binary). */
import { parseCsv } from './csv';
import { parseJson } from './json';
import { MAX_IMPORT_BYTES, type ParseResult, isTooBig, refuseFile } from './records';
import type { Workstream } from '../../shared/model';
import { said } from '../../shared/said';

/** JSON (docket-index) or CSV, chosen by content (a JSON object starts with `{` after whitespace/BOM) with the filename as a hint. */
export function parseImport(
  text: string,
  filename: string,
  ctx: { existingWorkstreams: Workstream[]; now: string },
): ParseResult {
  if (typeof text !== 'string' || text.length === 0) return refuseFile(said('error_file_empty'));
  if (isTooBig(text)) {
    return refuseFile(said('error_file_too_large', { size: MAX_IMPORT_BYTES / 1024 / 1024 }));
  }
  if (text.includes('\0')) {
    return refuseFile(said('error_file_binary'));
  }
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (!start) return refuseFile(said('error_file_empty'));
  const name = (filename ?? '').toLowerCase();
  const isJson = start.startsWith('{') || name.endsWith('.json') || (start.startsWith('[') && !name.endsWith('.csv'));
  try {
    return isJson ? parseJson(body, ctx) : parseCsv(body, ctx);
  } catch (error) {
    return refuseFile(said('error_file_unreadable', { why: error instanceof Error ? error.message : String(error) }));
  }
}

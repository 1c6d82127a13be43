/** What a member reads for each kind of Google file: the name, and the short tag of a compact row. */
import { DOC_KINDS, type DocKind } from './model';
import type { MessageKey } from './i18n';
import { messages } from './states';

export const KIND_LABELS: Record<DocKind, string> = messages(DOC_KINDS, (k) => `kind_${k}` as MessageKey);

/** The kind in a word of a few letters (the scan's compact rows). */
export const KIND_SHORT: Record<DocKind, string> = {
  document: 'Doc',
  spreadsheet: 'Sheet',
  presentation: 'Slides',
  form: 'Form',
  drawing: 'Drawing',
  file: 'File',
  folder: 'Folder',
};

/** What a member reads for each kind of Google file: the name, and the short tag of a compact row. */
import type { DocKind } from './model';

export const KIND_LABELS: Record<DocKind, string> = {
  document: 'Document',
  spreadsheet: 'Spreadsheet',
  presentation: 'Presentation',
  form: 'Form',
  drawing: 'Drawing',
  file: 'File',
  folder: 'Folder',
};

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

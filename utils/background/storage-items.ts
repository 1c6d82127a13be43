/**
 * What only the background keeps in `browser.storage`, as typed items (the module and its rules:
 * utils/shared/storage-items.ts). Key names are the ones every earlier version wrote.
 */
import { storedItem } from '../shared/storage-items';
import type { JournalEntry } from './sync';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown[]): string[] => v.filter((s): s is string => typeof s === 'string');

/** Reminders already shown (`reminderKey`), so that none is shown twice; the newest 5000 are kept. */
export const remindersSentItem = storedItem<string[]>('local', 'docket:reminders-sent', (v) =>
  Array.isArray(v) ? strings(v) : [],
);

/** The sites the member enabled, as match patterns (null: never written, before the first start that keeps it). */
export const sitesItem = storedItem<string[] | null>('local', 'docket:sites', (v) => (Array.isArray(v) ? strings(v) : null));

/** The import or sync being written (journal.ts): noted before, cleared after. */
export const journalItem = storedItem<JournalEntry | null>('local', 'docket:journal', (v) =>
  isRecord(v) &&
  typeof v.id === 'string' &&
  (v.op === 'import' || v.op === 'sync') &&
  typeof v.label === 'string' &&
  typeof v.startedAt === 'string'
    ? { id: v.id, op: v.op, label: v.label, startedAt: v.startedAt }
    : null,
);

/** An operation the browser stopped before it landed, until the member dismisses the notice. */
export const interruptedItem = storedItem<{ label: string; startedAt: string } | null>('local', 'docket:interrupted', (v) =>
  isRecord(v) && typeof v.label === 'string' && typeof v.startedAt === 'string'
    ? { label: v.label, startedAt: v.startedAt }
    : null,
);

/** Badges' editor windows, tab id to window id, for the browser session (storage.session). */
export const editorWindowsItem = storedItem<Record<string, number>>('session', 'docket:editor-windows', (v) =>
  isRecord(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number')) : {},
);

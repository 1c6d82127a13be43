/**
 * What Docket keeps in `browser.storage`, as typed items (WXT's `storage.defineItem`): one home for each
 * key's name, the shape of its value and the check of what is read back. A value an older build wrote, or
 * one changed by hand, is read as the item's default rather than trusted. The key names are the ones every
 * earlier version wrote (WXT's `local:docket:reminders` is `storage.local`'s `docket:reminders`), so a
 * member's data reads the same. A change of shape adds `version` and a migration to the item's
 * `defineItem` options (WXT keeps the version beside the value, under `<key>$`).
 *
 * Items read by more than one world are here; the background's own are in utils/background/storage-items.ts.
 * Not for the content script: WXT's storage would add its weight to every page, so the content script
 * reads the index revision and the language raw (utils/content/start.ts, utils/shared/i18n.ts).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_REMINDERS, type ReminderSettings } from './reminder-settings';
import type { ImportProgress } from './upload';
import { BROWSER_WORDS_KEY, LANGUAGE_KEY, isLanguageCode, type BrowserWords, type ChosenLanguage } from './i18n';
import { REVISION_KEY } from './protocol';

export type StorageArea = 'local' | 'session';

/** A value kept in `browser.storage`, read through its check. */
export interface StoredItem<T> {
  /** The key in its storage area, as stored (without WXT's `local:`). */
  readonly key: string;
  readonly area: StorageArea;
  /** The value, or the default when nothing (or nothing valid) is stored. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** `onChange` with each new value (checked), written from any view; returns a function that stops. */
  watch(onChange: (value: T) => void): () => void;
}

/**
 * An item at `key` in `area`, each stored value passed through `read` (which returns the default for
 * anything that is not a valid value, `undefined` included). Defined on first use: WXT's item reads its key
 * when it is defined, and a page should not read every key it might never use.
 */
export function storedItem<T>(area: StorageArea, key: string, read: (stored: unknown) => T): StoredItem<T> {
  const define = () => storage.defineItem<unknown>(`${area}:${key}`);
  let item: ReturnType<typeof define> | undefined;
  const wxt = () => (item ??= define());
  return {
    key,
    area,
    get: async () => read(await wxt().getValue()),
    set: (value) => wxt().setValue(value),
    remove: () => wxt().removeValue(),
    watch: (onChange) => wxt().watch((value) => onChange(read(value))),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The member's reminder settings: each field as stored when valid, else its default. */
export const reminderSettingsItem = storedItem<ReminderSettings>('local', 'docket:reminders', (v) => {
  const s = isRecord(v) ? v : {};
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_REMINDERS.enabled,
    daysBefore:
      typeof s.daysBefore === 'number' && Number.isInteger(s.daysBefore) && s.daysBefore >= 0
        ? s.daysBefore
        : DEFAULT_REMINDERS.daysBefore,
  };
});

/** How far the import being written is (set by the background, removed when done); null: none. */
export const importProgressItem = storedItem<ImportProgress | null>('local', 'docket:import-progress', (v) =>
  isRecord(v) && typeof v.filename === 'string' && typeof v.written === 'number' && typeof v.total === 'number'
    ? { filename: v.filename, written: v.written, total: v.total }
    : null,
);

/** The language a member chose, with its messages (null: follow the browser). */
export const languageItem = storedItem<ChosenLanguage | null>('local', LANGUAGE_KEY, (v) =>
  isRecord(v) && isLanguageCode(v.lang) && isRecord(v.messages) ? (v as unknown as ChosenLanguage) : null,
);

/** The browser's language's messages, kept by the background for the content scripts (i18n.ts BROWSER_WORDS_KEY). */
export const browserWordsItem = storedItem<BrowserWords | null>('local', BROWSER_WORDS_KEY, (v) =>
  isRecord(v) && isLanguageCode(v.lang) && isRecord(v.messages) ? (v as unknown as BrowserWords) : null,
);

/** The index revision the background last wrote (null: never changed). Open pages refresh when it changes. */
export const revisionItem = storedItem<string | null>('local', REVISION_KEY, (v) => (typeof v === 'string' ? v : null));

/** "What's new" after an update: the versions Docket was updated from and to. */
export interface WhatsNew {
  from: string;
  to: string;
}

export function isWhatsNew(value: unknown): value is WhatsNew {
  return isRecord(value) && typeof value.from === 'string' && typeof value.to === 'string';
}

/** The update whose notes the popup shows once (null: none pending). */
export const whatsNewItem = storedItem<WhatsNew | null>('local', 'docket:whats-new', (v) =>
  isWhatsNew(v) ? { from: v.from, to: v.to } : null,
);

/**
 * The privacy policy (entrypoints/privacy/) in the member's language: each element marked `data-i18n="name"` gets
 * the message this table names (the HTML holds the English, the en messages, until the script runs).
 */
import { t, type MessageKey, type Vars } from '../shared/i18n';
import { formatDate } from '../shared/format-date';

/** The day this version of the policy is dated (also in the policy's English text). */
export const POLICY_DATE = '2026-12-07';

export const PRIVACY_TEXTS: Record<string, MessageKey> = {
  title: 'privacy_title',
  heading: 'privacy_heading',
  lead: 'privacy_lead',
  storesHeading: 'privacy_stores_heading',
  indexLabel: 'privacy_index_label',
  indexText: 'privacy_index_text',
  settingsLabel: 'privacy_settings_label',
  settingsText: 'privacy_settings_text',
  noSync: 'privacy_no_sync',
  readsHeading: 'privacy_reads_heading',
  readsText: 'privacy_reads_text',
  sendsHeading: 'privacy_sends_heading',
  sendsIntro: 'privacy_sends_intro',
  sheetLabel: 'privacy_sheet_label',
  sheetText: 'privacy_sheet_text',
  scanLabel: 'privacy_scan_label',
  scanText: 'privacy_scan_text',
  calendarLabel: 'privacy_calendar_label',
  calendarText: 'privacy_calendar_text',
  files: 'privacy_files',
  controlHeading: 'privacy_control_heading',
  controlExport: 'privacy_control_export',
  controlSites: 'privacy_control_sites',
  controlRemove: 'privacy_control_remove',
  changesHeading: 'privacy_changes_heading',
  changesText: 'privacy_changes_text',
};

/** The values some of the messages name. */
function varsFor(name: string): Vars | undefined {
  if (name === 'controlExport') return { view: t('view_import_export') };
  if (name === 'changesText') return { date: formatDate(POLICY_DATE) };
  return undefined;
}

/**
 * Say the page in the language in use. An element whose message is missing (a locale file older than the page)
 * keeps the words it has. Returns the names no table entry matched (none, in a page and table that agree).
 */
export function drawPrivacy(doc: Document): string[] {
  const unknown: string[] = [];
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const name = el.dataset.i18n ?? '';
    const key = Object.hasOwn(PRIVACY_TEXTS, name) ? PRIVACY_TEXTS[name] : undefined;
    if (!key) {
      unknown.push(name);
      continue;
    }
    const text = t(key, varsFor(name));
    if (text) el.textContent = text;
  }
  return unknown;
}

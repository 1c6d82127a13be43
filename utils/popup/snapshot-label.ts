/**
 * A snapshot's or an interrupted operation's label in the language in use. The background stores labels in English
 * ("import of team.json", "before deleting 3 documents"), in snapshots kept for months: they are put into words
 * where they are shown, so that old labels read in the member's language too. A label of another form is shown as
 * it is.
 */
import { formatGrouped, t, tn } from '../shared/i18n';
import { formatInstant } from '../shared/format-date';

const count = (text: string) => Number(text.replace(/,/g, ''));

const FORMS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^import of (.+)$/s, (m) => t('snap_import', { file: m[1]! })],
  [/^sync of “(.+)”$/s, (m) => t('snap_sync', { name: m[1]! })],
  [/^before the upgrade from version (\d+) to (\d+)$/, (m) => t('snap_upgrade', { from: m[1]!, to: m[2]! })],
  [
    /^before restoring the snapshot of (\S+) \((.*)\)$/s,
    (m) => t('snap_before_restore', { when: formatInstant(m[1]!), label: labelText(m[2]!) }),
  ],
  [
    /^before deleting ([\d,]+) documents?$/,
    (m) => tn('snap_before_delete', count(m[1]!), { count: formatGrouped(count(m[1]!)) }),
  ],
  [/^restoring ([\d,]+) documents?$/, (m) => tn('snap_restoring', count(m[1]!), { count: formatGrouped(count(m[1]!)) })],
  [/^change$/, () => t('snap_change')],
  [/^undo$/, () => t('snap_undo')],
];

export function labelText(label: string): string {
  for (const [re, say] of FORMS) {
    const m = re.exec(label);
    if (m) return say(m) || label;
  }
  return label;
}

/**
 * A snapshot's or an interrupted operation's label in the language in use. Labels of imports, syncs and upgrades
 * are stored in English ("import of team.json", "before syncing “WG sheet”"), in snapshots kept for months, and so
 * were operations' labels before ("before deleting 3 documents"): they are put into words where they are shown, so
 * that old labels read in the member's language too. An operation's label is now data (what it did, to how many
 * documents). A label of another form is shown as it is.
 */
import { formatGrouped, t, tn } from '../shared/i18n';
import { formatInstant } from '../shared/format-date';
import type { SnapshotLabel } from '../shared/reports';

const count = (text: string) => Number(text.replace(/,/g, ''));

const FORMS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^import of (.+)$/s, (m) => t('snap_import', { file: m[1]! })],
  [/^sync of “(.+)”$/s, (m) => t('snap_sync', { name: m[1]! })],
  [/^before importing (.+)$/s, (m) => t('snap_before_import', { file: m[1]! })],
  [/^before syncing “(.+)”$/s, (m) => t('snap_before_sync', { name: m[1]! })],
  [/^before the upgrade from version (\d+) to (\d+)$/, (m) => t('snap_upgrade', { from: m[1]!, to: m[2]! })],
  [
    /^before restoring the snapshot of (\S+) \((.*)\)$/s,
    (m) => t('snap_before_restore', { when: formatInstant(m[1]!), label: labelText(m[2]!) }),
  ],
  [/^before deleting ([\d,]+) documents?$/, (m) => operationText('delete', count(m[1]!))],
  [/^restoring ([\d,]+) documents?$/, (m) => operationText('restore', count(m[1]!))],
  [/^change$/, () => t('snap_change')],
  [/^undo$/, () => t('snap_undo')],
];

/** What an operation did, to how many documents. */
function operationText(op: string, n: number): string {
  switch (op) {
    case 'delete':
      return tn('snap_before_delete', n, { count: formatGrouped(n) });
    case 'restore':
      return tn('snap_restoring', n, { count: formatGrouped(n) });
    case 'edit':
      return t('snap_change');
    case 'undo':
      return t('snap_undo');
    default:
      // A later version's operation: its name, as it is.
      return op;
  }
}

export function labelText(label: SnapshotLabel): string {
  if (typeof label === 'object' && label !== null) {
    if (label.op === 'restore-snapshot') {
      return t('snap_before_restore', { when: formatInstant(label.at), label: labelText(label.of) });
    }
    return operationText(label.op, Number(label.count) || 0);
  }
  if (typeof label !== 'string') return '';
  for (const [re, say] of FORMS) {
    const m = re.exec(label);
    if (m) return say(m) || label;
  }
  return label;
}

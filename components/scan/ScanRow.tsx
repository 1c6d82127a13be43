import { StatusSelect } from '@/components/common/StatusSelect';
import { NEW_WS, WorkstreamSelect } from '@/components/common/WorkstreamSelect';
import { GrowingInput } from '@/components/common/GrowingInput';
import type { Status, Workstream } from '@/utils/shared/model';
import { KIND_LABELS, KIND_SHORT } from '@/utils/shared/kind-labels';
import { isGoogleDocsUrl } from '@/utils/shared/links';
import type { ScanCandidate } from '@/utils/popup/scan/scan';
import { formatZonedTime } from '@/utils/shared/format-date';
import { t } from '@/utils/shared/i18n';

/** One candidate as the member edits it. */
export interface ScanRowState {
  c: ScanCandidate;
  selected: boolean;
  title: string;
  /** An existing workstream's id, NEW_WS, or '' (none). */
  ws: string;
  newWs: string;
  deadline: string;
  status: Status | '';
}

/** A candidate as a row to edit: selected unless already tracked, with what the scan proposed. */
export function rowFor(c: ScanCandidate, tracked: boolean): ScanRowState {
  return {
    c,
    selected: !tracked,
    title: c.title,
    ws: c.workstreamId ?? (c.workstreamName ? NEW_WS : ''),
    newWs: c.workstreamId ? '' : (c.workstreamName ?? ''),
    deadline: c.deadline ?? '',
    status: c.status ?? '',
  };
}

/** The workstream name a row stands for now (CONTRACT §4 `data-docket-workstream`). */
export function rowWorkstreamName(row: ScanRowState, workstreams: readonly Workstream[]): string | undefined {
  if (row.ws === NEW_WS) return row.newWs.trim() || undefined;
  if (row.ws) return workstreams.find((w) => w.id === row.ws)?.name;
  return undefined;
}

/**
 * A proposal, compact (a 600-px popup shows five or more): check box, title (wrapping, never cut) and a
 * link to the document on the first line; workstream, status and deadline on the second (a new
 * workstream's name on a line of its own); the sentence the deadline came from, on one line (whole on hover and to screen
 * readers). Every field keeps its label for assistive technology; each fact is shown once.
 */
export function ScanRow({
  row: r,
  index: i,
  idBase,
  tracked,
  workstreams,
  workstreamName,
  invalidName,
  onChange,
}: {
  row: ScanRowState;
  index: number;
  idBase: string;
  tracked: boolean;
  workstreams: Workstream[];
  /** The CONTRACT §4 `data-docket-workstream` value. */
  workstreamName: string | undefined;
  invalidName: boolean;
  onChange: (patch: Partial<ScanRowState>) => void;
}) {
  const f = (name: string) => `${idBase}-${name}-${i}`;
  const url = isGoogleDocsUrl(r.c.url) ? r.c.url : null;
  const kind = KIND_LABELS[r.c.kind];
  const name = r.title || r.c.id;
  return (
    <li
      className={`scan-row${r.selected ? ' selected' : ''}${tracked ? ' tracked' : ''}`}
      data-docket-id={r.c.id}
      {...(workstreamName ? { 'data-docket-workstream': workstreamName } : {})}
      {...(r.deadline ? { 'data-docket-deadline': r.deadline } : {})}
    >
      <div className="scan-line">
        <input
          id={f('check')}
          type="checkbox"
          checked={r.selected}
          onChange={(e) => onChange({ selected: e.target.checked })}
          aria-describedby={tracked ? f('tracked') : undefined}
        />
        <label htmlFor={f('check')} className="sr-only">
          {tracked ? t('scan_row_update', { name }) : t('scan_row_track', { name })}
        </label>
        <label htmlFor={f('title')} className="sr-only">
          {t('field_title')}
        </label>
        <GrowingInput
          id={f('title')}
          className="scan-title"
          value={r.title}
          placeholder={r.c.id}
          onValue={(title) => onChange({ title })}
        />
        {url ? (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className="scan-open"
            title={t('scan_row_open_title', { kind: kind.toLowerCase(), id: r.c.id })}
            aria-label={t('scan_row_open_label', { short: KIND_SHORT[r.c.kind], name, kind: kind.toLowerCase() })}
          >
            {KIND_SHORT[r.c.kind]}
          </a>
        ) : (
          <span className="scan-open" title={r.c.id}>
            {KIND_SHORT[r.c.kind]}
          </span>
        )}
      </div>
      <div className={`scan-line scan-line-ws${r.ws === NEW_WS ? ' new' : ''}`}>
        <label htmlFor={f('ws')} className="sr-only">
          {t('field_workstream')}
        </label>
        <WorkstreamSelect id={f('ws')} value={r.ws} workstreams={workstreams} onChange={(ws) => onChange({ ws })} />
        {r.ws === NEW_WS && (
          <>
            <label htmlFor={f('newws')} className="sr-only">
              {t('scan_row_new_name')}
            </label>
            <GrowingInput
              id={f('newws')}
              className="scan-newws"
              value={r.newWs}
              placeholder={t('scan_row_new_name')}
              aria-invalid={invalidName || undefined}
              onValue={(newWs) => onChange({ newWs })}
            />
          </>
        )}
        <label htmlFor={f('status')} className="sr-only">
          {t('field_status')}
        </label>
        <StatusSelect id={f('status')} value={r.status} allowUnset onChange={(status) => onChange({ status })} />
        <label htmlFor={f('deadline')} className="sr-only">
          {t('field_deadline')}
        </label>
        <input
          id={f('deadline')}
          type="date"
          className="scan-deadline"
          value={r.deadline}
          aria-describedby={r.c.deadlineSentence ? f('sentence') : undefined}
          onChange={(e) => onChange({ deadline: e.target.value })}
        />
      </div>
      {(r.c.deadlineSentence || tracked || (r.c.remembered && r.ws === r.c.workstreamId)) && (
        <p className="scan-note">
          {r.c.remembered && r.ws === r.c.workstreamId && <span className="scan-remembered">{t('scan_remembered')} </span>}
          {tracked && (
            <span id={f('tracked')} className="scan-tracked">
              {r.selected ? t('scan_row_tracked_update') : t('scan_row_tracked')}
            </span>
          )}
          {r.c.deadlineSentence && (
            <span id={f('sentence')} className="scan-sentence" title={r.c.deadlineSentence}>
              <span className="sr-only">{t('scan_row_deadline_from')} </span>“{r.c.deadlineSentence}”
              {r.c.deadlineTime && r.c.deadline && r.deadline === r.c.deadline && (
                <span className="scan-zoned"> ({formatZonedTime(r.c.deadline, r.c.deadlineTime)})</span>
              )}
            </span>
          )}
        </p>
      )}
    </li>
  );
}

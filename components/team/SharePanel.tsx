import { useId, useState } from 'react';
import type { Workstream } from '@/utils/shared/model';
import { send } from '@/utils/shared/protocol';
import { t, tn } from '@/utils/shared/i18n';
import { downloadBlob } from '@/utils/popup/download';
import { receiveExport } from '@/utils/popup/receive-export';
import { checkPublishedCsv, inviteText, joinLinkHtml } from '@/utils/popup/join';
import type { CsvCheck } from '@/utils/popup/join';
import { fetchWithAccess } from '@/utils/popup/subscribe';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { ScopeSelect } from '@/components/common/ScopeSelect';
import { SheetUrlForm } from '@/components/common/SheetUrlForm';
import type { SheetUrl } from '@/components/common/SheetUrlForm';

/**
 * "Share this index with your group" (the coordinator): writes the index, or one workstream, as the CSV a Google
 * Sheet takes (the export, CONTRACT §2), walks through what Docket cannot do itself, then checks the published
 * link the coordinator pastes back by reading it as a member's Docket would, and gives the text to send.
 */
export function SharePanel({ workstreams, onError }: { workstreams: readonly Workstream[]; onError: (e: unknown) => void }) {
  const id = useId();
  const [scope, setScope] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [check, setCheck] = useState<{ url: string; result: CsvCheck } | null>(null);
  /** Which text was copied last. */
  const [copied, setCopied] = useState<'invite' | 'link' | null>(null);

  async function writeCsv() {
    setNote(null);
    try {
      const file = await send('export', scope ? { format: 'csv', workstreamId: scope } : { format: 'csv' });
      downloadBlob(file.filename, await receiveExport(send, file));
      setNote(file.filename);
    } catch (e) {
      onError(e);
    }
  }

  function checkLink(parsed: SheetUrl) {
    const fetched = fetchWithAccess(parsed);
    setCheck(null);
    setCopied(null);
    return (async () => {
      const got = await fetched;
      if (got.refused) return { problem: t('join_no_access', { host: got.host }) };
      setCheck({ url: parsed.url, result: checkPublishedCsv(parsed.url, got) });
    })();
  }

  async function copy(text: string, which: 'invite' | 'link') {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(which);
    } catch (e) {
      onError(e);
    }
  }

  const invite = check?.result.ok ? inviteText(check.url) : null;
  const joinLink = check?.result.ok ? joinLinkHtml(check.url) : null;

  return (
    <section className="share-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('share_heading')}</h2>
      <p className="muted small">{t('share_intro')}</p>
      <ScopeSelect
        id={`${id}-scope`}
        label={t('share_scope_label')}
        wholeLabel={t('share_scope_all')}
        value={scope}
        workstreams={workstreams}
        onChange={setScope}
      />
      <div className="actions">
        <button type="button" onClick={() => void writeCsv()}>
          {t('share_step_download')}
        </button>
        {note && (
          <span className="muted small" role="status">
            {note}
          </span>
        )}
      </div>
      <ol className="share-steps small">
        <li>{t('share_step_1')}</li>
        <li>{t('share_step_2')}</li>
        <li>{t('share_step_3')}</li>
        <li>{t('share_step_4')}</li>
        <li>{t('share_step_5')}</li>
      </ol>
      <SheetUrlForm
        label={t('share_check_label')}
        formLabel={t('share_check_button')}
        button={t('share_check_button')}
        pendingButton={t('share_checking')}
        action={checkLink}
        onEdit={() => setCheck(null)}
      />
      {check && !check.result.ok && <ErrorAlert message={check.result.problem} onDismiss={() => setCheck(null)} />}
      {check?.result.ok && (
        <p className="notice share-ok" role="status">
          {t('share_check_ok', {
            rows: tn('share_rows', check.result.rows),
            columns: check.result.columns.filter(Boolean).join(', '),
          })}
        </p>
      )}
      {invite && (
        <div className="field">
          <label htmlFor={`${id}-invite`}>{t('share_invite_label')}</label>
          <textarea id={`${id}-invite`} readOnly rows={3} value={invite} onFocus={(e) => e.currentTarget.select()} />
          <div className="actions">
            <button type="button" onClick={() => void copy(invite, 'invite')}>
              {t('share_copy')}
            </button>
            {copied === 'invite' && (
              <span className="muted small" role="status">
                {t('share_copied')}
              </span>
            )}
          </div>
        </div>
      )}
      {joinLink && (
        <div className="field">
          <label htmlFor={`${id}-join-link`}>{t('share_join_link_label')}</label>
          <p id={`${id}-join-link-hint`} className="muted small">
            {t('share_join_link_hint')}
          </p>
          <textarea
            id={`${id}-join-link`}
            readOnly
            rows={3}
            dir="ltr"
            value={joinLink}
            aria-describedby={`${id}-join-link-hint`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="actions">
            <button type="button" onClick={() => void copy(joinLink, 'link')}>
              {t('share_copy_join_link')}
            </button>
            {copied === 'link' && (
              <span className="muted small" role="status">
                {t('share_copied')}
              </span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

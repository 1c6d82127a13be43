import { useState } from 'react';
import { usePermissionRequest } from '@/hooks/usePermissionRequest';
import { send } from '@/utils/shared/protocol';
import type { Subscription, WorkstreamProposal } from '@/utils/shared/reports';
import { errorMessage } from '@/utils/popup/errors';
import { t, type MessageKey } from '@/utils/shared/i18n';

const PROPOSALS: Record<WorkstreamProposal['field'], MessageKey> = {
  name: 'team_proposal_name',
  color: 'team_proposal_color',
  group: 'team_proposal_group',
  account: 'team_proposal_account',
};

/** “The sheet would rename it to …”: one proposal in words. */
export function proposalText(p: WorkstreamProposal): string {
  const yours = p.local ? t('team_proposal_yours', { local: p.local }) : '';
  return t(PROPOSALS[p.field], { theirs: p.theirs, yours });
}

/**
 * What a subscription asks that Docket does not do on its own: changes to workstreams (applied
 * one at a time, by the member), and reading a site the sheet sent Docket on to.
 */
export function SheetProposals({
  sub,
  busy,
  onApplied,
  onAllowed,
  onError,
}: {
  sub: Subscription;
  busy: boolean;
  /** A proposal was applied: the subscription without it. */
  onApplied: (sub: Subscription) => void;
  /** The member allowed the site the sheet redirects to: sync again. */
  onAllowed: (sub: Subscription) => void;
  onError: (message: string) => void;
}) {
  const [working, setWorking] = useState(false);
  const ask = usePermissionRequest();
  const proposals = sub.proposals ?? [];
  const without = (p: WorkstreamProposal): Subscription => {
    const rest = proposals.filter((x) => x !== p);
    const next: Subscription = { ...sub, proposals: rest };
    if (!rest.length) delete next.proposals;
    return next;
  };

  async function apply(p: WorkstreamProposal) {
    setWorking(true);
    try {
      const { workstreams } = await send('workstreams/list', {});
      const ws = workstreams.find((w) => w.id === p.id);
      if (!ws) throw new Error(t('team_proposal_gone', { name: p.name }));
      await send('ws/put', { workstream: { ...ws, [p.field]: p.theirs } });
      onApplied(without(p));
    } catch (err) {
      onError(errorMessage(err));
    } finally {
      setWorking(false);
    }
  }

  function allow(pattern: string) {
    // During the click: the browser asks only during the member's gesture.
    void ask({ origins: [pattern] }).then(
      (granted) => granted && onAllowed(sub),
      (err: unknown) => onError(errorMessage(err)),
    );
  }

  if (!proposals.length && !sub.needsOrigin) return null;
  const host = sub.needsOrigin?.replace(/^https?:\/\/|\/\*$/g, '');
  return (
    <div className="sheet-proposals">
      {sub.needsOrigin && (
        <button type="button" onClick={() => allow(sub.needsOrigin!)} disabled={busy || working}>
          {t('team_allow_host', { host: host ?? '' })}
        </button>
      )}
      {proposals.length > 0 && <p className="muted small">{t('team_proposals_hint')}</p>}
      {proposals.length > 0 && (
        <ul className="proposal-list" aria-label={t('team_proposals_label', { name: sub.name })}>
          {proposals.map((p, i) => (
            <li key={`${p.id}:${p.field}:${i}`} className="proposal">
              <span>{t('team_proposal_line', { name: p.name, proposal: proposalText(p) })}</span>{' '}
              <button type="button" onClick={() => void apply(p)} disabled={busy || working}>
                {t('team_apply')}
                <span className="sr-only">{t('team_apply_more', { name: p.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// @vitest-environment happy-dom
/**
 * "Recently deleted" (issue 28, item 4), the view the popup's Import / export and Docket in a tab share: the trash
 * newest first, each document with Restore (`trash/restore`), and each delete of many documents restorable whole
 * (`docs/undo` of that delete), saying what it did; what the view shows follows the background's answer again after.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { button, host, render, setUpReact, tick } from '../../support/react';
import { RecentlyDeleted } from '@/components/common/RecentlyDeleted';
import type { TrashPage } from '@/utils/shared/protocol';
import type { OpResult } from '@/utils/shared/operations';

const protocol = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('@/utils/shared/protocol', () => protocol);

const A = '1DeletedDocumentNumberOne0000000';
const B = '1DeletedDocumentNumberTwo0000000';
let trash: TrashPage;
const done = (kind: OpResult['kind'], changed: number): OpResult => ({
  opId: 'x',
  kind,
  total: changed,
  done: changed,
  changed,
  state: 'done',
});

beforeEach(() => {
  trash = {
    total: 2,
    entries: [
      { id: A, title: 'Minutes of 27 August', deletedAt: '2026-11-22T10:00:00.000Z' },
      { id: B, title: 'Options paper', deletedAt: '2026-11-21T10:00:00.000Z' },
    ],
    bulk: [{ opId: 'op-big-delete', at: '2026-11-20T10:00:00.000Z', count: 2_000 }],
  };
  protocol.send.mockReset();
  protocol.send.mockImplementation(async (type: string, data: { ids?: string[] }) => {
    if (type === 'trash/list') return trash;
    if (type === 'trash/restore') {
      trash = { ...trash, total: 1, entries: trash.entries.filter((e) => !data.ids!.includes(e.id)) };
      return done('restore', data.ids!.length);
    }
    if (type === 'docs/undo') {
      trash = { ...trash, bulk: [] };
      return done('undo', 2_000);
    }
    throw new Error(`unexpected ${type}`);
  });
});
setUpReact();

const titles = () => [...host.querySelectorAll('.trash-list li .title')].map((e) => e.textContent);
const said = () => host.querySelector('[role=status]')!.textContent;

describe('Recently deleted', () => {
  it('lists the trash, newest first, and each delete of many with its count', async () => {
    await render(<RecentlyDeleted />);
    expect(titles()).toEqual(['Minutes of 27 August', 'Options paper']);
    expect(host.querySelector('.bulk-deletes')!.textContent).toMatch(/^2,000 documents deleted together on /);
    expect(button(/^Restore all 2,000$/)).toBeTruthy();
  });

  it('Restore brings one document back, says so, and the list follows', async () => {
    const onRestored = vi.fn();
    await render(<RecentlyDeleted onRestored={onRestored} />);
    const restore = host.querySelector<HTMLButtonElement>(`li[data-docket-id="${A}"] button`)!;
    expect(restore.getAttribute('aria-label')).toContain('Minutes of 27 August');
    await act(async () => restore.click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('trash/restore', { ids: [A], opId: expect.any(String) });
    expect(said()).toBe('Restored 1 document.');
    expect(titles()).toEqual(['Options paper']);
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it('Restore all undoes that delete whole, says so, and it leaves the list', async () => {
    await render(<RecentlyDeleted />);
    await act(async () => button(/^Restore all 2,000$/).click());
    await tick();
    expect(protocol.send).toHaveBeenCalledWith('docs/undo', { of: 'op-big-delete', opId: expect.any(String) });
    expect(said()).toBe('Undone for 2,000 documents.');
    expect(host.querySelector('.bulk-deletes')).toBeNull();
  });
});

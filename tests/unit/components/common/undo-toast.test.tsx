// @vitest-environment happy-dom
/**
 * The Undo offered after a delete (issue 28, item 4): it stays at least a minute, whatever happens meanwhile on the
 * page, then closes by itself; a new delete gives the new document a full minute again.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { button, host, root, setUpReact } from '../../support/react';
import { UNDO_MS, UndoToast } from '@/components/common/UndoToast';
import type { DocRecord } from '@/utils/shared/model';

const doc = (id: string, title: string) => ({ id, url: `https://docs.google.com/document/d/${id}/edit`, title }) as DocRecord;
const A = doc('1UndoToastDocumentNumberOne00000', 'Minutes of 27 August');
const B = doc('1UndoToastDocumentNumberTwo00000', 'Options paper');

setUpReact();
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
// Drawn inside act only: the support's render() waits a turn of setTimeout, which these tests fake.
const render = (node: ReactNode) => act(() => root!.render(node));

describe('UndoToast', () => {
  it('lasts at least a minute', () => {
    expect(UNDO_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('offers Undo until its minute is over, then closes by itself', async () => {
    const onClose = vi.fn();
    const onUndo = vi.fn();
    await render(<UndoToast doc={A} onUndo={onUndo} onClose={onClose} />);
    expect(host.textContent).toContain('Minutes of 27 August');
    await advance(UNDO_MS - 1);
    expect(onClose).not.toHaveBeenCalled();
    act(() => button(/Undo/).click());
    expect(onUndo).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('gives the next deleted document a full minute of its own', async () => {
    const onClose = vi.fn();
    await render(<UndoToast doc={A} onUndo={() => undefined} onClose={onClose} />);
    await advance(UNDO_MS - 1_000);
    await render(<UndoToast doc={B} onUndo={() => undefined} onClose={onClose} />);
    await advance(UNDO_MS - 1);
    expect(onClose).not.toHaveBeenCalled();
    expect(host.textContent).toContain('Options paper');
    await advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

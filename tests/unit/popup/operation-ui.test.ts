// The page's side of operations on many documents (issue 28, items 1, 3, 4, 5): one id per request,
// progress polled while it is written, and words that say what was and was not done.
import { describe, expect, it } from 'vitest';
import { runOperation } from '@/utils/popup/run-operation';
import { SCREENFUL, confirmDeleteText, progressText, undoText } from '@/utils/popup/operation-text';
import type { OpResult } from '@/utils/shared/operations';
import { messagesOf, setLanguage } from '@/utils/shared/i18n';
import ru from '@/public/_locales/ru/messages.json';

const result = (more: Partial<OpResult> = {}): OpResult => ({
  opId: 'op-x',
  kind: 'edit',
  total: 50_000,
  done: 50_000,
  changed: 50_000,
  state: 'done',
  ...more,
});

describe('runOperation', () => {
  it('sends one id, reports progress until the answer comes, and stops asking after', async () => {
    let finish!: (r: OpResult) => void;
    const sent: Array<[string, any]> = [];
    let statusAsks = 0;
    const progress: number[] = [];
    const send = (async (type: string, data: any) => {
      sent.push([type, data]);
      if (type === 'ops/status') {
        statusAsks++;
        // The third question sees it done: the work's answer comes then.
        if (statusAsks === 3) finish(result({ opId: data.opId }));
        return { operation: result({ opId: data.opId, state: 'running', done: statusAsks * 10_000 }) };
      }
      return new Promise<OpResult>((resolve) => (finish = resolve));
    }) as never;
    const out = await runOperation(send, 'docs/edit-many', { ids: ['a'], change: { status: 'final' } }, (p) =>
      progress.push(p.done),
    );
    const asksAtEnd = statusAsks;
    const [type, data] = sent[0]!;
    expect(type).toBe('docs/edit-many');
    expect(data.opId).toMatch(/^op-/);
    expect(out.opId).toBe(data.opId);
    expect(sent.filter(([t]) => t === 'ops/status').every(([, d]) => d.opId === data.opId)).toBe(true);
    expect(progress).toEqual([10_000, 20_000]);
    // No question after the answer.
    await new Promise((r) => setTimeout(r, 600));
    expect(statusAsks).toBe(asksAtEnd);
  });
});

describe('what the member reads', () => {
  it('an undo says how many were undone and which were left, and why', () => {
    expect(undoText(result({ changed: 3 }))).toBe('Undone for 3 documents.');
    expect(
      undoText(
        result({
          changed: 1,
          notDone: {
            count: 5,
            examples: [
              { id: 'a', title: 'Minutes', reason: 'its deadline was changed since' },
              { id: 'b', title: 'Draft', reason: 'it was deleted since' },
            ],
          },
        }),
      ),
    ).toBe(
      'Undone for 1 document. 5 documents were left as they are: “Minutes” (its deadline was changed since), “Draft” (it was deleted since), and 3 more.',
    );
    expect(undoText(result({ changed: 0 }))).toBe('Nothing was undone.');
  });

  it('progress and the question before a large delete carry the count', () => {
    expect(progressText({ done: 12_000, total: 50_000 })).toBe('Writing 12,000 of 50,000 documents…');
    expect(confirmDeleteText(2_000)).toBe('Delete 2,000 documents? They go to Recently deleted, where you can restore them.');
    expect(SCREENFUL).toBeLessThan(2_000);
  });

  it('in Russian: the plural forms and the background’s reasons in Russian (issue 21)', () => {
    setLanguage({ lang: 'ru', messages: messagesOf(ru) });
    try {
      const text = undoText(
        result({
          changed: 3,
          notDone: {
            count: 2,
            examples: [
              { id: 'a', title: 'Minutes', reason: 'its deadline was changed since', field: 'deadline' },
              { id: 'b', title: 'Draft', reason: 'it was deleted since' },
            ],
          },
        }),
      );
      expect(text).toBe(
        'Отменено для 3 документов. 2 документа оставлены как есть: «Minutes» (с тех пор его поле «срок» было изменено), «Draft» (с тех пор он был удалён).',
      );
      expect(confirmDeleteText(21)).toMatch(/^Удалить 21 документ\?/);
      expect(undoText(result({ changed: 0 }))).toBe('Ничего не отменено.');
    } finally {
      setLanguage(null);
    }
  });
});

// @vitest-environment happy-dom
/**
 * Issue 21: the views' words come from the locale files in the language in use, with the plural form each
 * language needs (Russian 4, Arabic 6, Chinese 1) and nothing left in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { host, render, setUpReact } from '../support/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '@/public/_locales/en/messages.json';
import { messagesOf, setFallbackMessages, setLanguage, type LanguageCode } from '@/utils/shared/i18n';
import type { DocRecord, Workstream } from '@/utils/shared/model';
import type { OpResult } from '@/utils/shared/operations';
import { UpcomingView } from '@/components/upcoming/UpcomingView';
import { WorkstreamDeletePanel } from '@/components/workstreams/WorkstreamDeletePanel';
import { WorkstreamForm } from '@/components/workstreams/WorkstreamForm';
import { BulkBar } from '@/components/full-page/BulkBar';
import { DocumentEditor } from '@/components/editor/DocumentEditor';
import { StatusFilterSelect } from '@/components/common/StatusFilterSelect';
import { confirmDeleteText, progressText, undoText } from '@/utils/popup/operation-text';

const LOCALES = join(import.meta.dirname, '../../../public/_locales');
const use = (lang: LanguageCode) =>
  setLanguage({ lang, messages: messagesOf(JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'))) });
/** Arabic may write its own digits: compare the words. */
const latinDigits = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
const text = () => latinDigits(host.textContent ?? '');

const WS: Workstream[] = [
  { id: 'a', name: 'Стратегия', color: '#1f6feb' },
  { id: 'b', name: 'استراتيجية', color: '#8250df' },
];
const doc = (id: string, over: Partial<DocRecord> = {}): DocRecord => ({
  id,
  kind: 'document',
  aliases: [],
  updatedAt: '2020-08-27T14:00:00.000Z',
  ...over,
});
const noop = () => undefined;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  setLanguage(null);
  setFallbackMessages(messagesOf(en));
});
setUpReact();

describe('the views in other languages', () => {
  it.each<[LanguageCode, number, string]>([
    ['ru', 1, 'Что сделать с его 1 документом?'],
    ['ru', 3, 'Что сделать с его 3 документами?'],
    ['ar', 2, 'ماذا يحدث لمستنديه الاثنين؟'],
    ['ar', 5, 'ماذا يحدث لمستنداته (5)؟'],
    ['zh_CN', 7, '它的 7 个文档如何处理？'],
    ['fr', 1, 'Que faire de son document ?'],
  ])('%s: deleting a workstream of %d documents asks in the right form', async (lang, count, question) => {
    use(lang);
    await render(
      <WorkstreamDeletePanel workstream={WS[0]!} count={count} others={[WS[1]!]} onConfirm={async () => true} onCancel={noop} />,
    );
    expect(text()).toContain(question);
  });

  it.each<[LanguageCode, number, string]>([
    ['ru', 1, 'Выбран 1'],
    ['ru', 5, 'Выбрано 5'],
    ['ar', 1, 'مستند واحد محدد'],
    ['ar', 11, '11 مستندًا محددًا'],
    ['zh_CN', 3, '已选 3 个'],
    ['es', 2, '2 seleccionados'],
  ])('%s: the bulk bar counts %d selected rows', async (lang, count, words) => {
    use(lang);
    await render(
      <BulkBar
        count={count}
        total={20}
        workstreams={WS}
        busy={false}
        onChange={noop}
        onDelete={noop}
        onExport={noop}
        selectedIds={() => []}
        onSelectAll={noop}
        onClear={noop}
        onError={noop}
        onNote={noop}
      />,
    );
    expect(latinDigits(host.querySelector('.bulk-count strong')!.textContent!)).toBe(words);
  });

  it('Upcoming in Arabic: section headings, counts and the empty workstream in Arabic, no English left', async () => {
    use('ar');
    await render(
      <UpcomingView
        documents={[doc('x', { title: 'Digital strategy', deadline: '2020-09-01' }), doc('y', { title: 'Notes' })]}
        workstreams={WS}
        loaded
        today="2020-09-08"
      />,
    );
    const headings = [...host.querySelectorAll('h2 .group-name')].map((h) => h.textContent);
    expect(headings).toEqual(['متأخر', 'بلا موعد نهائي']);
    expect(text()).toContain('مستند واحد');
    expect(text()).toContain('بلا مسار عمل');
    // Only the titles are in Latin letters.
    expect(text().replace(/Digital strategy|Notes/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('the document form and the workstream form in Chinese', async () => {
    use('zh_CN');
    await render(
      <DocumentEditor
        target={{ mode: 'track', doc: doc('d1', { title: '战略' }) }}
        workstreams={WS}
        onSave={async () => true}
        onCancel={noop}
      />,
    );
    expect(host.querySelector('h2')!.textContent).toBe('跟踪文档');
    expect([...host.querySelectorAll('label')].map((l) => l.textContent)).toEqual([
      '标题',
      '工作流',
      '截止日期',
      '状态',
      '截止日期说明',
      '备注',
    ]);
    await render(
      <WorkstreamForm
        initial={{ name: '', group: '', color: '#1f6feb', account: '' }}
        heading="x"
        submitLabel="y"
        groups={[]}
        onSubmit={async () => true}
        onCancel={noop}
      />,
    );
    expect(host.textContent).toContain('Google 账号（编号或地址）');
    expect(host.textContent).toContain('取消');
  });

  it('the status filter follows the language chosen after the lists were built', async () => {
    use('ru');
    await render(<StatusFilterSelect id="s" value="active" onChange={noop} />);
    expect([...host.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Активные',
      'Все',
      'Черновик',
      'Открыт для комментариев',
      'Окончательный',
      'Представлен',
      'В архиве',
    ]);
  });

  it('what an operation on many documents says, in Russian and Arabic', () => {
    use('ru');
    expect(progressText({ done: 2, total: 3 })).toBe('Запись: 2 из 3 документов…');
    expect(confirmDeleteText(51)).toMatch(/^Удалить 51 документ\? Он попадёт/);
    const result: OpResult = {
      opId: 'op',
      kind: 'undo',
      total: 3,
      done: 3,
      changed: 1,
      state: 'done',
      notDone: { count: 2, examples: [{ id: 'a', title: 'X', reason: 'r' }] },
    };
    expect(undoText(result)).toBe('Отменено для 1 документа. 2 документа оставлены как есть: «X» (r) и ещё 1.');
    use('ar');
    expect(latinDigits(undoText({ ...result, changed: 2 }))).toBe(
      'تم التراجع لمستندين. تُرك مستندان على حالهما: «X» (r)، و1 غيرها.',
    );
  });
});

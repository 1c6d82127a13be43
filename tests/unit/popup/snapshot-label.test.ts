// Labels the background stores in English, said where they are shown in the language in use (issue 21).
import { afterEach, describe, expect, it } from 'vitest';
import { labelText } from '@/utils/popup/snapshot-label';
import { messagesOf, setLanguage } from '@/utils/shared/i18n';
import ru from '@/public/_locales/ru/messages.json';
import zh from '@/public/_locales/zh_CN/messages.json';

afterEach(() => setLanguage(null));

describe('labelText', () => {
  it.each<[label: string, en: string, ru: string, zh: string]>([
    ['import of team.json', 'import of team.json', 'импорт team.json', '导入 team.json'],
    ['sync of “WG sheet”', 'sync of “WG sheet”', 'синхронизация «WG sheet»', '同步“WG sheet”'],
    [
      'before deleting 2,000 documents',
      'before deleting 2,000 documents',
      'перед удалением 2 000 документов',
      '删除 2,000 个文档之前',
    ],
    ['before deleting 1 document', 'before deleting 1 document', 'перед удалением 1 документа', '删除 1 个文档之前'],
    ['restoring 3 documents', 'restoring 3 documents', 'восстановление 3 документов', '恢复 3 个文档'],
    [
      'before the upgrade from version 4 to 5',
      'before the upgrade from version 4 to 5',
      'перед обновлением с версии 4 до 5',
      '从版本 4 升级到 5 之前',
    ],
    ['change', 'change', 'изменение', '更改'],
    ['undo', 'undo', 'отмена', '撤销'],
    // Another form (a later version's, or a name): as it is.
    ['Something new', 'Something new', 'Something new', 'Something new'],
  ])('%s', (label, en, inRu, inZh) => {
    expect(labelText(label)).toBe(en);
    setLanguage({ lang: 'ru', messages: messagesOf(ru) });
    expect(labelText(label).replace(/[\u00a0\u202f]/g, ' ')).toBe(inRu);
    setLanguage({ lang: 'zh_CN', messages: messagesOf(zh) });
    expect(labelText(label)).toBe(inZh);
  });

  it('says the label inside a restore’s label too', () => {
    setLanguage({ lang: 'ru', messages: messagesOf(ru) });
    expect(labelText('before restoring the snapshot of 2026-11-22T10:00:00.000Z (import of a.csv)')).toMatch(
      /^перед восстановлением снимка от .+ \(импорт a\.csv\)$/,
    );
  });
});

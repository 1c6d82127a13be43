// What the background says and stores as message keys (issue 21): an import's refused rows and refused files, a
// sync's last error, protocol refusals, Scan's reading errors, operations' snapshot labels; said in the language
// in use where they are shown, older records' words kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseImport } from '@/utils/background/interchange/parse';
import { LANGUAGES, messagesOf, setLanguage, type LanguageCode } from '@/utils/shared/i18n';
import { isSaid, said, say, saidN, sayOr } from '@/utils/shared/said';
import { lastErrorText, refusedReason, reportError } from '@/utils/popup/report-text';
import { labelText } from '@/utils/popup/snapshot-label';
import { exportRefusal } from '@/utils/popup/scan/gdoc';
import { megabytes } from '@/utils/popup/scan/download';
import type { RefusedRow } from '@/utils/shared/reports';
import { DocketError } from '@/utils/shared/protocol';

const ROOT = join(import.meta.dirname, '../../..');
const read = (lang: string) => messagesOf(JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')));
const use = (lang: LanguageCode) => setLanguage({ lang, messages: read(lang) });
/** Arabic may write its own digits, and some languages group with a narrow space: the words are what is checked. */
const plain = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => setLanguage(null));

const NOW = '2026-11-22T10:00:00.000Z';
const parse = (text: string, filename: string) => parseImport(text, filename, { existingWorkstreams: [], now: NOW });
const rowsOf = (text: string, filename: string): RefusedRow[] => {
  const r = parse(text, filename);
  if (!r.ok) throw new Error(r.error);
  return r.value.refused;
};

/** The message keys the code that replies says, read from its source: each must be in every language. */
const SAYING = [
  'utils/background/interchange/records.ts',
  'utils/background/interchange/csv.ts',
  'utils/background/interchange/json.ts',
  'utils/background/interchange/parse.ts',
  'utils/background/service.ts',
  'utils/background/sync.ts',
  'utils/background/handlers/reads.ts',
  'utils/popup/scan/source.ts',
  'utils/popup/scan/gdoc.ts',
];
const REASON_KEYS = [
  ...new Set(
    SAYING.flatMap((f) =>
      [...readFileSync(join(ROOT, f), 'utf8').matchAll(/\b(?:said|saidN|t)\(\s*'(\w+)'|\b(\w+_(?:file|export))'/g)].map(
        (m) => (m[1] ?? m[2])!,
      ),
    ),
  ),
].sort();

describe('every reason and refusal has its message in every language', () => {
  it('finds the keys the code says', () => {
    expect(REASON_KEYS).toEqual(
      expect.arrayContaining(['imp_missing', 'imp_duplicate_row', 'error_message_unknown', 'scan_src_sign_in']),
    );
    expect(REASON_KEYS).toEqual(expect.arrayContaining(['scan_src_stalled_file', 'scan_src_stalled_export']));
    expect(REASON_KEYS.length).toBeGreaterThan(50);
  });

  const files = Object.fromEntries(LANGUAGES.map((l) => [l.code, read(l.code)]));
  it.each(REASON_KEYS)('%s', (key) => {
    for (const { code } of LANGUAGES) expect(files[code]![key] ?? files[code]![`${key}_other`], `${code}: ${key}`).toBeTruthy();
  });
});

describe('an import’s refused rows, in the language in use', () => {
  const CSV = [
    'url,title,deadline,status',
    'https://example.org/not-a-doc,Other site,,',
    'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit,Plan,2020-02-30,wip',
    'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit,Plan again,,',
  ].join('\n');

  it('keeps the English words as a fallback, and the reasons as keys', () => {
    const rows = rowsOf(CSV, 'team.csv');
    expect(rows.map((r) => r.reason)).toEqual([
      "url 'https://example.org/not-a-doc' is not a Google document link, and the row has no id",
      "deadline '2020-02-30' is not a real date (YYYY-MM-DD); unknown status 'wip' (one of draft, open-for-comments, final, delivered, archived)",
      // The third row is kept: the second, with the same id, was refused.
    ]);
    expect(rows.every((r) => r.said?.every(isSaid))).toBe(true);
  });

  it.each<[lang: LanguageCode, first: string, second: string]>([
    [
      'fr',
      "url 'https://example.org/not-a-doc' n’est pas un lien vers un document Google, et la ligne n’a pas d’id",
      "deadline '2020-02-30' n’est pas une date réelle (AAAA-MM-JJ) ; statut inconnu 'wip' (un de : draft, open-for-comments, final, delivered, archived)",
    ],
    [
      'ru',
      "url 'https://example.org/not-a-doc' — не ссылка на документ Google, а id в строке нет",
      "deadline '2020-02-30' — несуществующая дата (ГГГГ-ММ-ДД); неизвестный статус 'wip' (допустимые: draft, open-for-comments, final, delivered, archived)",
    ],
    [
      'ar',
      "url 'https://example.org/not-a-doc' ليس رابطًا لمستند Google، ولا يحتوي الصف على id",
      "deadline '2020-02-30' ليس تاريخًا صحيحًا (YYYY-MM-DD)؛ حالة غير معروفة 'wip' (إحدى: draft, open-for-comments, final, delivered, archived)",
    ],
    [
      'zh_CN',
      "url 'https://example.org/not-a-doc' 不是 Google 文档链接，且该行没有 id",
      "deadline '2020-02-30' 不是有效日期（YYYY-MM-DD）；未知状态 'wip'（可选：draft, open-for-comments, final, delivered, archived）",
    ],
  ])('%s', (lang, first, second) => {
    const rows = rowsOf(CSV, 'team.csv');
    use(lang);
    expect(rows.map(refusedReason)).toEqual([first, second]);
  });

  it.each<[lang: LanguageCode, json: unknown, reason: string]>([
    ['en', { id: 5 }, 'id must be text, not the number 5'],
    ['fr', { id: 5 }, 'id doit être du texte, pas le nombre 5'],
    ['ru', { id: [] }, 'id: ожидается текст, получено: список'],
    ['ar', {}, 'id مفقود'],
    ['es', { id: 'x'.repeat(300) }, `id '${'x'.repeat(59)}…' no es un identificador de Drive (demasiado largo)`],
    ['zh_CN', [1], '文档必须是对象，而不是列表'],
    ['ru', { id: 'abc', title: 7 }, 'title: ожидается текст, получено: число 7'],
  ])('%s: a JSON document %j', (lang, json, reason) => {
    const rows = rowsOf(JSON.stringify({ format: 'docket-index', version: 1, documents: [json] }), 'x.json');
    use(lang);
    expect(rows.map(refusedReason)).toEqual([reason]);
  });

  it('a reason a report of an older Docket gives in words is shown as it is', () => {
    use('ru');
    expect(refusedReason({ reason: 'id missing' })).toBe('id missing');
    // A key this page does not know (a newer background): its words.
    expect(refusedReason({ reason: 'later words', said: [{ key: 'imp_later' as never }] })).toBe('later words');
  });
});

describe('a refused file, in the language in use', () => {
  it.each<[lang: LanguageCode, text: string, filename: string, error: RegExp]>([
    [
      'en',
      '{"format":"other","version":1}',
      'x.json',
      /^The file's format is "other", not "docket-index": it is not a Docket index\.$/,
    ],
    [
      'fr',
      '{"format":"docket-index","version":9}',
      'x.json',
      /^Le fichier a été créé par une version plus récente de Docket \(version du fichier : 9 ; ce Docket lit la version 1\)/,
    ],
    ['ru', '{"format":"docket-index"}', 'x.json', /^В файле нет "version" \(ожидается "version": 1\)\.$/],
    ['ar', '[1,2]', 'x.json', /^يحتوي الملف على قائمة، وليس فهرس Docket/],
    [
      'zh_CN',
      '{"format":"docket-index","version":1,"documents":{}}',
      'x.json',
      /^该文件的 "documents" 必须是列表，而不是对象。$/,
    ],
    [
      'es',
      '{"format":"docket-index","version":"1"}',
      'x.json',
      /^La "version" del archivo debe ser un número entero positivo, no el texto '1'\.$/,
    ],
    ['ru', 'title\nPlan', 'x.csv', /^В CSV нужен столбец url или id/],
    // Where it breaks, in the language in use; the JSON parser's own words are the browser's.
    ['ar', '{\n"format": ', 'x.json', /^الملف ليس JSON صالحًا( \(السطر 2، العمود \d+\))?: .+\.$/],
  ])('%s: %s', (lang, text, filename, error) => {
    const r = parse(text, filename);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    use(lang);
    expect(reportError({ error: r.error, errorSaid: r.said })).toMatch(error);
  });

  it('an older report’s words stay as they are', () => {
    use('zh_CN');
    expect(reportError({ error: 'The file is empty.' })).toBe('The file is empty.');
    expect(reportError({})).toBe('');
  });
});

describe('a sync’s stored error, in the language in use when shown', () => {
  const stored = {
    lastError: 'sheets.example.org answered 404 Not Found. The sheet may no longer be published, or its address changed.',
    lastErrorSaid: said('error_sheet_http_404', { host: 'sheets.example.org', status: '404 Not Found' }),
  };
  it.each<[lang: LanguageCode, text: string]>([
    ['en', stored.lastError],
    ['ru', 'sheets.example.org ответил 404 Not Found. Возможно, таблица больше не опубликована или её адрес изменился.'],
    ['ar', 'ردّ sheets.example.org بـ 404 Not Found. ربما لم يعد الجدول منشورًا، أو تغيّر عنوانه.'],
    ['zh_CN', 'sheets.example.org 返回了 404 Not Found。该表格可能已不再发布，或其地址已更改。'],
  ])('%s', (lang, text) => {
    use(lang);
    expect(lastErrorText(stored)).toBe(text);
  });

  it('a reason inside a reason, and a list of them, each in the language in use', () => {
    const rows = rowsOf('url\nhttps://example.org/a\n', 'sheet.csv');
    const error = said('error_sheet_no_row', { problem: rows[0]!.said! });
    use('fr');
    expect(say(error)).toBe(
      "Aucune ligne de la feuille n’a pu être lue (premier problème : url 'https://example.org/a' n’est pas un lien vers un document Google, et la ligne n’a pas d’id). Ses colonnes ont-elles changé ?",
    );
    use('ru');
    expect(say(said('imp_not_text', { field: 'notes', value: [said('imp_value_list'), said('imp_value_object')] }))).toBe(
      'notes: ожидается текст, получено: список; объект',
    );
  });

  it('an error stored before keys (its words), and none', () => {
    use('ru');
    expect(lastErrorText({ lastError: 'HTTP 404' })).toBe('HTTP 404');
    expect(lastErrorText({})).toBe('');
    expect(sayOr(undefined, 'words')).toBe('words');
  });
});

describe('an operation’s snapshot label (data), in the language in use', () => {
  it.each<[lang: LanguageCode, n: number, text: string]>([
    ['en', 1, 'before deleting 1 document'],
    ['en', 2000, 'before deleting 2,000 documents'],
    ['ru', 1, 'перед удалением 1 документа'],
    ['ru', 3, 'перед удалением 3 документов'],
    ['ru', 5, 'перед удалением 5 документов'],
    ['ru', 21, 'перед удалением 21 документа'],
    ['ru', 2000, 'перед удалением 2 000 документов'],
    ['ar', 1, 'قبل حذف مستند واحد'],
    ['ar', 2, 'قبل حذف مستندين'],
    ['ar', 3, 'قبل حذف 3 مستندات'],
    ['ar', 11, 'قبل حذف 11 مستندًا'],
    ['ar', 100, 'قبل حذف 100 مستند'],
    ['zh_CN', 600, '删除 600 个文档之前'],
  ])('%s, %d', (lang, n, text) => {
    use(lang);
    expect(plain(labelText({ op: 'delete', count: n }))).toBe(text);
  });

  it('a restore of such a snapshot says it inside its own label; old text labels still read', () => {
    use('ru');
    expect(labelText({ op: 'restore-snapshot', at: NOW, of: { op: 'delete', count: 3 } })).toMatch(
      /^перед восстановлением снимка от .+ \(перед удалением 3 документов\)$/,
    );
    expect(labelText({ op: 'restore', count: 2 })).toBe('восстановление 2 документов');
    expect(labelText('before deleting 3 documents')).toBe('перед удалением 3 документов');
    expect(labelText('before importing team.json')).toBe('перед импортом team.json');
    expect(labelText('before syncing “WG sheet”')).toBe('перед синхронизацией «WG sheet»');
  });
});

describe('Scan’s words when it cannot read a page', () => {
  it.each<[lang: LanguageCode, status: number, text: string]>([
    ['en', 404, 'Google found no such document to export (it may have been deleted, or the link is wrong).'],
    ['fr', 403, 'Google a refusé d’exporter ce document : le compte avec lequel vous êtes connecté n’y a pas accès.'],
    ['ar', 500, 'رفضت Google تصدير هذا المستند (HTTP 500).'],
    ['ru', 404, 'Google не нашёл такого документа для экспорта (возможно, он удалён или ссылка неверна).'],
  ])('%s: an export answered %d', (lang, status, text) => {
    use(lang);
    expect(exportRefusal({ ok: false, status, url: 'https://docs.google.com/document/d/x/export' }, 'text/html')).toBe(text);
  });

  it.each<[lang: LanguageCode, text: RegExp]>([
    ['en', /^50 MB$/],
    ['fr', /^50 Mo$/],
    ['ru', /^50 МБ$/],
  ])('%s: a size', (lang, text) => {
    use(lang);
    expect(plain(megabytes(50 * 1024 * 1024))).toMatch(text);
  });
});

describe('the background’s refusals of a message, in the page’s language', () => {
  it.each<[lang: LanguageCode, s: ReturnType<typeof said>, text: string]>([
    ['en', said('error_message_unknown'), 'Unknown message.'],
    ['fr', said('error_message_unknown'), 'Message inconnu.'],
    ['ru', said('error_message_pages_only'), 'Изменять или читать весь индекс могут только страницы самого Docket.'],
    ['ar', said('error_message_foreign'), 'لا تُقبل الرسائل إلا من Docket نفسه.'],
    [
      'zh_CN',
      said('error_message_invalid', { type: 'lookup', where: ' (ids)', issue: 'Invalid type' }),
      '无效的 lookup 消息 (ids)：Invalid type',
    ],
    ['es', said('error_site_not_enabled'), 'Docket ya no se ejecuta en este sitio.'],
  ])('%s: %j', (lang, s, text) => {
    use(lang);
    // What send() throws: the page's words for the background's key.
    expect(new DocketError(s).message).toBe(text);
  });
});

describe('said', () => {
  it('a plural sentence picks the language’s form', () => {
    use('ru');
    expect(say(saidN('error_change_stopped_after', 21, { why: 'x', total: 40 }))).toMatch(/21/);
  });
  it('tells a Said from other values', () => {
    expect(isSaid(said('imp_missing', { field: 'id' }))).toBe(true);
    expect(isSaid('imp_missing')).toBe(false);
    expect(isSaid({ key: 5 })).toBe(false);
    expect(isSaid(null)).toBe(false);
  });
});

/**
 * Issue 21: Docket in Arabic (mirrored) and in Chinese. A member chooses the language in Docket; every view
 * follows at once (an open popup too); the popup finds titles typed in Arabic (with or without diacritics)
 * and in Chinese (any part of a title). Screenshots in docs/ with DOCKET_SHOTS=1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importThroughPopup, startDocket, type Docket } from './support/harness';

const DOCS = resolve(import.meta.dirname, '../../docs');
/** The README's screenshots, written only when asked (DOCKET_SHOTS=1): a test run leaves docs/ as it is. */
const shot = async (page: { screenshot(o: { path: string }): Promise<unknown> }, name: string) => {
  if (process.env.DOCKET_SHOTS === '1') await page.screenshot({ path: join(DOCS, name) });
};
const id = (n: number) => `1i18nDoc${n}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.slice(0, 33);
const INDEX = {
  format: 'docket-index',
  version: 1,
  workstreams: [
    { id: 'ws-ar', name: 'التعاون الرقمي', color: '#1f6feb' },
    { id: 'ws-zh', name: '数字合作', color: '#8250df' },
  ],
  documents: [
    { id: id(1), title: 'Digital cooperation strategy', deadline: '2099-01-10', status: 'draft' },
    { id: id(2), title: 'Stratégie de coopération numérique', deadline: '2099-01-11' },
    { id: id(3), title: 'Estrategia de cooperación digital', deadline: '2099-01-12' },
    { id: id(4), title: 'Стратегия цифрового сотрудничества', deadline: '2099-01-13' },
    {
      id: id(5),
      title: 'الاسْتِرَاتِيجِيَّة الرقمية للمنتدى',
      workstreamId: 'ws-ar',
      deadline: '2099-01-14',
      status: 'open-for-comments',
    },
    { id: id(6), title: '数字合作战略草案', workstreamId: 'ws-zh', deadline: '2099-01-15', status: 'draft' },
    { id: id(7), title: 'IGF 2025 Roadmap — مسودة', workstreamId: 'ws-ar' },
  ].map((d) => ({ ...d, url: `https://docs.google.com/document/d/${d.id}/edit` })),
};

let docket: Docket;
let popup: Page;

beforeAll(async () => {
  docket = await startDocket();
  const file = join(mkdtempSync(join(tmpdir(), 'docket-i18n-')), 'six-languages.json');
  writeFileSync(file, JSON.stringify(INDEX));
  popup = await docket.popup();
  await importThroughPopup(popup, file);
}, 120_000);
afterAll(async () => docket?.close());

const rootLanguage = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
/** The ids of the rows the popup lists, once they are `want`. */
async function rowsBecome(page: Page, want: string[]): Promise<void> {
  await page.waitForFunction((ids) => {
    const got = [...document.querySelectorAll('#root li[data-doc-id]')].map((li) => li.getAttribute('data-doc-id'));
    return JSON.stringify(got) === JSON.stringify(ids);
  }, want);
}
async function search(page: Page, text: string): Promise<void> {
  const box = page.locator('#root input[type="search"]');
  await box.fill('');
  await box.pressSequentially(text);
}

describe('Docket in Arabic and in Chinese', () => {
  it('follows the browser (English here), then Arabic when chosen: mirrored, in Arabic words, at once', async () => {
    expect(await rootLanguage(popup)).toEqual(['en', 'ltr']);
    await popup.getByRole('tab', { name: /sites/i }).click();
    await popup.getByLabel('Language').selectOption('ar');
    await popup.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await rootLanguage(popup)).toEqual(['ar', 'rtl']);
    await popup.getByRole('tab', { name: 'المستندات' }).click();
    // Mirrored: the first tab is the rightmost.
    const first = await popup.getByRole('tab', { name: 'المستندات' }).boundingBox();
    const second = await popup.getByRole('tab', { name: 'القادمة' }).boundingBox();
    expect(first!.x).toBeGreaterThan(second!.x);
  });

  it('finds an Arabic title typed without its diacritics, and keeps a Latin title whole', async () => {
    await search(popup, 'استراتيجية');
    await rowsBecome(popup, [id(5)]);
    await search(popup, 'مسودة');
    await rowsBecome(popup, [id(7)]);
    expect(await popup.locator(`li[data-doc-id="${id(7)}"] .doc-title`).getAttribute('dir')).toBe('auto');
    await search(popup, 'استراتيجية');
    await rowsBecome(popup, [id(5)]);
    await shot(popup, 'screenshot-popup-ar.png');
  });

  it('the tab opens in Arabic, mirrored', async () => {
    const page = await docket.context.newPage();
    await page.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('tab', { name: 'المستندات' }).waitFor();
    await page.locator('[data-doc-id]').first().waitFor();
    await shot(page, 'screenshot-full-page-ar.png');
    // Chosen in the tab: Chinese, and the open popup follows at once.
    await page.getByLabel('اللغة').selectOption('zh_CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await rootLanguage(page)).toEqual(['zh-CN', 'ltr']);
    await page.getByRole('tab', { name: '文档' }).waitFor();
    await page.locator('[data-doc-id]').first().waitFor();
    await shot(page, 'screenshot-full-page-zh.png');
    await popup.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await rootLanguage(popup)).toEqual(['zh-CN', 'ltr']);
    await page.close();
  });

  it('the privacy policy and the Import / export view say themselves in Chinese', async () => {
    const page = await docket.context.newPage();
    await page.goto(`chrome-extension://${docket.extensionId}/privacy.html`);
    await page.getByRole('heading', { level: 1, name: 'Docket 隐私政策' }).waitFor();
    expect(await page.title()).toBe('Docket：隐私政策');
    expect(await rootLanguage(page)).toEqual(['zh-CN', 'ltr']);
    await page.close();
    await popup.getByRole('tab', { name: '导入 / 导出' }).click();
    await popup.getByRole('heading', { name: '导入', exact: true }).waitFor();
    await popup.getByRole('heading', { name: '历史记录' }).waitFor();
    await popup.getByRole('button', { name: '导出 JSON' }).waitFor();
  });

  it('an import’s preview gives each refused row’s reason in Chinese', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'docket-i18n-')), 'refused.csv');
    writeFileSync(
      file,
      `url,title,deadline\nhttps://example.org/other,Other site,\n${INDEX.documents[0]!.url},Plan,2099-02-30\n`,
    );
    await popup.locator('input[type="file"]').setInputFiles(file);
    const rows = popup.locator('details.refused li');
    await rows.nth(1).waitFor();
    expect(await rows.allInnerTexts()).toEqual([
      "文档 1：url 'https://example.org/other' 不是 Google 文档链接，且该行没有 id",
      `文档 2 (${id(1)})：deadline '2099-02-30' 不是有效日期（YYYY-MM-DD）`,
    ]);
    await popup.getByRole('button', { name: '取消', exact: true }).first().click();
    await rows.first().waitFor({ state: 'detached' });
  });

  it('finds a Chinese title by any part of it', async () => {
    await popup.getByRole('tab', { name: '文档' }).click();
    await search(popup, '战略');
    await rowsBecome(popup, [id(6)]);
    await search(popup, '合作战略');
    await rowsBecome(popup, [id(6)]);
    await shot(popup, 'screenshot-popup-zh.png');
  });

  it('back to the browser’s language', async () => {
    await popup.getByRole('tab', { name: '网站' }).click();
    await popup.getByLabel('语言').selectOption('');
    await popup.waitForFunction(() => document.documentElement.lang === 'en');
    await popup.getByRole('tab', { name: 'Documents' }).waitFor();
  });
});

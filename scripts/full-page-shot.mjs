#!/usr/bin/env node
// Screenshots of Docket in a tab (docket.html) for the README: `npm run build && npx tsx scripts/full-page-shot.mjs`.
// The sample index (tests/fixtures/sample-index.json) plus a few more documents of the same workstreams, with
// the deadlines moved to fall around today (in this script only: the fixture stays as it is), in headless Chromium.
// Writes docs/screenshot-full-page.png (the table, three rows selected, light) and docs/screenshot-timeline.png (dark).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithDocket } from './lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const sample = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/sample-index.json'), 'utf8'));

const day = (offset) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
// The sample's deadlines, in order, moved around today.
const OFFSETS = [-3, 2, 2, 5, -1, 9];
sample.documents.forEach((d, i) => (d.deadline = day(OFFSETS[i] ?? 14)));
const MORE = [
  ['ws-hlb', 'Roadmap high-level body: comparison of the three models', 12, 'draft'],
  ['ws-hlb', 'MHLB terms of reference (first reading)', 23, 'draft'],
  ['ws-improve', 'Intersessional work: proposals for 2021', 8, 'open-for-comments'],
  ['ws-improve', 'Improvements survey results (spreadsheet)', -6, 'final'],
  ['ws-outcomes', 'Messages from the IGF 2020 sessions', 16, 'draft'],
  ['ws-outcomes', 'Outcomes paper: executive summary', 30, undefined],
  ['ws-response', 'Options Paper: comments received', 4, 'open-for-comments'],
];
MORE.forEach(([workstreamId, title, offset, status], i) => {
  const id = `1DemoDocForTheFullPageShot${String(i).padStart(2, '0')}xyz`;
  sample.documents.push({
    id,
    kind: 'document',
    url: `https://docs.google.com/document/d/${id}/edit`,
    title,
    workstreamId,
    deadline: day(offset),
    ...(status ? { status } : {}),
    source: 'https://www.intgovforum.org/multilingual/content/mag-working-group-on-strategy-wg-strategy',
    sourceTitle: 'MAG Working Group on Strategy — minutes',
    aliases: [],
    updatedAt: new Date().toISOString(),
  });
});

const docket = await launchWithDocket({});
try {
  const page = await docket.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`chrome-extension://${docket.extensionId}/docket.html`);
  const reply = await page.evaluate(
    (text) => chrome.runtime.sendMessage({ type: 'import/apply', data: { text, filename: 'sample.json' } }),
    JSON.stringify(sample),
  );
  if (!reply?.ok) throw new Error(reply?.error);
  await page.reload();
  await page.waitForSelector('tr[data-doc-id]');
  const rows = page.locator('tr[data-doc-id]');
  await rows.nth(2).locator('td.col-ws').click();
  await rows
    .nth(4)
    .locator('td.col-ws')
    .click({ modifiers: ['Shift'] });
  await page.waitForTimeout(200);
  const table = resolve(root, 'docs/screenshot-full-page.png');
  await page.screenshot({ path: table });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.waitForSelector('.tl-chart');
  await page.waitForTimeout(200);
  const timeline = resolve(root, 'docs/screenshot-timeline.png');
  await page.screenshot({ path: timeline });
  console.log(`Screenshots:\n  ${table}\n  ${timeline}`);
} finally {
  await docket.close();
}

// npm run store:shots: the store listing's images from npm start's sample (docs/store/): screenshots at the
// Chrome Web Store's 1280 × 800 and 640 × 400 (the sample minutes with their badges and an open card, Docket in a
// tab, the popup beside the minutes) and the 440 × 280 promo tile. Needs a build (npm run build) and ../shared/seeds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithDocket } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { shiftDeadlines } from './lib/demo-index.mjs';
import { localToday } from '../utils/shared/calendar.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/store');
mkdirSync(out, { recursive: true });
const demoIndex = resolve(root, 'artifacts/store-index.json');
mkdirSync(resolve(root, 'artifacts'), { recursive: true });
const sample = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/sample-index.json'), 'utf8'));
writeFileSync(demoIndex, JSON.stringify(shiftDeadlines(sample, localToday())));
const icon = readFileSync(resolve(root, 'docs/icon.svg'), 'utf8');
const TILE = `<!doctype html><meta charset="utf-8"><style>
  body{margin:0;width:440px;height:280px;display:flex;align-items:center;gap:24px;padding:0 32px;box-sizing:border-box;
  font:600 22px/1.3 system-ui,sans-serif;color:#fff;background:linear-gradient(135deg,#0969da,#1a7f37)}
  svg{width:96px;height:96px;flex:none} p{margin:0} small{display:block;font-weight:400;font-size:15px;margin-top:8px}
</style>${icon}<p>Docket<small>Deadline, workstream and status next to every Google document link your group reads.</small></p>`;

const server = await startServer({ '/store-tile.html': { type: 'text/html; charset=utf-8', body: TILE } });
const docket = await launchWithDocket({ port: server.port });
try {
  const popup = await docket.context.newPage();
  await popup.goto(docket.popupUrl());
  await popup.getByRole('tab', { name: /import/i }).click();
  await popup.locator('input[type="file"]').setInputFiles(demoIndex);
  await popup.getByRole('button', { name: /^Import/ }).click();
  await popup.getByRole('status').filter({ hasText: /added/ }).waitFor();

  const sizes = [
    { width: 1280, height: 800 },
    { width: 640, height: 400 },
  ];
  const minutes = await docket.context.newPage();
  const tab = await docket.context.newPage();
  for (const size of sizes) {
    const tag = `${size.width}x${size.height}`;
    await minutes.setViewportSize(size);
    await minutes.goto(server.url('/wg-strategy/minutes-4.html'));
    const badge = minutes.locator('docket-badge[data-docket-state="tracked"]').first();
    await badge.waitFor();
    await badge.scrollIntoViewIfNeeded();
    await badge.hover();
    await minutes.waitForTimeout(300);
    await minutes.screenshot({ path: resolve(out, `screenshot-${tag}-minutes.png`) });
    await tab.setViewportSize(size);
    await tab.goto(docket.popupUrl().replace('popup.html', 'docket.html'));
    await tab.locator('[data-doc-id]').first().waitFor();
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: resolve(out, `screenshot-${tag}-full-page.png`) });
    await popup.setViewportSize(size);
    await popup.getByRole('tab', { name: 'Documents' }).click();
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: resolve(out, `screenshot-${tag}-popup.png`) });
  }
  const tile = await docket.context.newPage();
  await tile.setViewportSize({ width: 440, height: 280 });
  await tile.goto(server.url('/store-tile.html'));
  await tile.screenshot({ path: resolve(out, 'tile-440x280.png') });
  console.log(`Store images written to ${out}`);
} finally {
  await docket.close();
  await server.close();
}

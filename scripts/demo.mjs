#!/usr/bin/env node
// `npm start`: Docket on the sample minutes, in Chromium with the built extension.
//
// 1. serves the working group's minutes (../shared/seeds) as http://www.intgovforum.org/…
// 2. opens the 27 August 2020 minutes: every document link gets an "untracked" mark
// 3. imports the sample index (tests/fixtures/sample-index.json, its deadlines moved to around today: the
//    minutes are from 2020; scripts/lib/demo-index.mjs) through the popup
// 4. tracks a new document from the popup and its badge appears on the open 24 September minutes
// 5. saves screenshots (the popup at its real size, 420 × 600) and prints their paths; with a display (and
//    not CI) the browser stays open
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithDocket, tabIdOf } from './lib/browser.mjs';
import { SEEDS_DIR } from './lib/seed-pages.mjs';
import { startServer } from './lib/server.mjs';
import { demoShift, shiftDeadlines } from './lib/demo-index.mjs';
import { addDays, localToday } from '../utils/shared/calendar.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'artifacts');
const headless = process.argv.includes('--headless') || !!process.env.CI || !process.env.DISPLAY;
const SAMPLE_INDEX = resolve(root, 'tests/fixtures/sample-index.json');
const NEW_DOC = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';

const step = (text) => console.log(`• ${text}`);
if (!existsSync(SEEDS_DIR) || !readdirSync(SEEDS_DIR).some((f) => f.endsWith('.txt'))) {
  console.error(
    `The demo shows Docket on the working group's sample minutes, and they are not here: it expects them as .txt files in ${SEEDS_DIR} ` +
      '(the shared folder beside this repository). Put the minutes there and run `npm start` again; the extension itself is built in .output/.',
  );
  process.exit(1);
}
mkdirSync(out, { recursive: true });
// The sample index with its deadlines around today (the fixture itself is left as it is).
const today = localToday();
const demoIndex = resolve(out, 'demo-index.json');
writeFileSync(demoIndex, JSON.stringify(shiftDeadlines(JSON.parse(readFileSync(SAMPLE_INDEX, 'utf8')), today), null, 2));
/** The popup's real size in the toolbar. */
const POPUP = { width: 420, height: 600 };

const server = await startServer();
const docket = await launchWithDocket({ port: server.port, headless });
const shots = [];
const shot = async (page, name, options = {}) => {
  const path = resolve(out, name);
  await page.screenshot({ path, ...options });
  shots.push(path);
};

try {
  step(`Docket ${docket.extensionId} loaded in Chromium${headless ? ' (headless)' : ''}`);
  const minutes = await docket.context.newPage();
  await minutes.goto(server.url('/wg-strategy/minutes-4.html'));
  await minutes.waitForSelector('docket-badge');
  step(`${await minutes.locator('docket-badge').count()} document links marked on “${await minutes.title()}”`);

  const popup = await docket.context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(docket.popupUrl(`?tab=${await tabIdOf(docket.worker, minutes)}`));
  await popup.getByRole('tab', { name: /import/i }).click();
  await popup.locator('input[type="file"]').setInputFiles(demoIndex);
  await popup.getByRole('button', { name: /^Import/ }).click();
  const report = popup.getByRole('status').filter({ hasText: /added/ });
  await report.waitFor();
  step(`${(await report.textContent()).trim()} (the sample's deadlines moved ${demoShift(today)} days, to around today)`);

  await minutes.waitForSelector('docket-badge[data-docket-state="tracked"]');
  await minutes.bringToFront();
  const first = minutes.locator('docket-badge[data-docket-state="tracked"]').first();
  await first.scrollIntoViewIfNeeded();
  await first.hover();
  await minutes.waitForTimeout(200);
  await shot(minutes, 'demo-minutes.png');
  step('badges now show workstream, status and deadline; the card opens on hover or focus');

  // Track a document that the sample index does not have, with the 24 September minutes open.
  const sept = await docket.context.newPage();
  await sept.goto(server.url('/wg-strategy/minutes-0.html'));
  await sept.waitForSelector(`docket-badge[data-docket-id="${NEW_DOC}"][data-docket-state="untracked"]`);
  await popup.bringToFront();
  await popup.getByRole('tab', { name: 'Documents' }).click();
  await popup.getByLabel('Add a document by link').fill(`https://drive.google.com/file/d/${NEW_DOC}/view?usp=sharing`);
  await popup.getByRole('button', { name: 'Add', exact: true }).click();
  await popup.getByLabel('Title').fill('Selection of IGF improvement priorities');
  await popup.getByLabel('Workstream', { exact: true }).selectOption({ label: 'B. Improvements to the IGF' });
  await popup.getByLabel('Deadline', { exact: true }).fill(addDays('2020-10-01', demoShift(today)));
  await popup.getByLabel('Status', { exact: true }).selectOption('open-for-comments');
  await popup.getByRole('button', { name: 'Save' }).click();
  await sept.waitForSelector(`docket-badge[data-docket-id="${NEW_DOC}"][data-docket-state="tracked"]`);
  step('tracked a new document from the popup: its badge turned “tracked” on the open page, no reload');
  await sept.bringToFront();
  const badge = sept.locator(`docket-badge[data-docket-id="${NEW_DOC}"]`).first();
  await badge.scrollIntoViewIfNeeded();
  await badge.hover();
  await sept.waitForTimeout(200);
  await shot(sept, 'demo-tracked.png');

  await popup.getByLabel('Status').selectOption({ label: 'All' });
  await popup.waitForTimeout(150);
  // What the toolbar shows: 420 × 600, not the whole list.
  await shot(popup, 'demo-popup.png');

  console.log('\nScreenshots:');
  for (const path of shots) console.log(`  ${path}`);
  if (!headless) {
    console.log('\nChromium stays open: try the popup from the toolbar (pin Docket), edit a deadline, and watch the badges.');
    console.log(`Sample minutes: ${server.url('/')}   Close the browser or press Ctrl-C to end.`);
    await new Promise((resolveClose) => {
      docket.context.on('close', resolveClose);
      process.on('SIGINT', resolveClose);
    });
  }
} finally {
  await docket.close();
  await server.close();
}

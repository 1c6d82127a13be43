/**
 * Docket in a tab (docket.html), end to end in Chromium: opened from the popup, rows selected with
 * the keyboard and with Shift-click, a status set and deadlines moved on several rows at once,
 * a delete undone, deadlines exported as an .ics file and read back with a parser (ical.js).
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_INDEX, importThroughPopup, startDocket, type Docket } from './support/harness';

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const PROPOSALS = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const SHEET = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const CONSOLIDATED = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';

let docket: Docket;
let minutes: Page;
let popup: Page;
let tab: Page;

const row = (id: string) => tab.locator(`tr[data-doc-id="${id}"]`);
const selectedIds = () =>
  tab.$$eval('tr[data-doc-id][aria-selected="true"]', (rows) => rows.map((r) => r.getAttribute('data-doc-id')));
const deadlineOf = (id: string) => row(id).locator('time').getAttribute('datetime');
const statusOf = (id: string) => row(id).locator('.status-pill').textContent();

/** The events of an .ics file, read with ical.js. */
function readIcs(path: string) {
  const comp = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate,
      summary: e.summary,
      description: e.description,
      sequence: e.sequence,
    };
  });
}

async function exportIcs(button: string): Promise<ReturnType<typeof readIcs>> {
  const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: button }).click()]);
  expect(download.suggestedFilename()).toMatch(/^docket-deadlines-\d{4}-\d{2}-\d{2}\.ics$/);
  return readIcs((await download.path())!);
}

beforeAll(async () => {
  docket = await startDocket();
  minutes = await docket.context.newPage();
  await minutes.goto(docket.server.url('/wg-strategy/minutes-4.html'));
  popup = await docket.popup(minutes);
  await importThroughPopup(popup, SAMPLE_INDEX);
});
afterAll(async () => docket?.close());

describe('Docket in a tab', () => {
  it('opens from the popup, with every active document in the table grouped by workstream', async () => {
    await popup.getByRole('tab', { name: 'Documents' }).click();
    const [page] = await Promise.all([
      docket.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Open in a tab' }).click(),
    ]);
    tab = page;
    await tab.waitForURL(/\/docket\.html$/);
    await expect.poll(() => tab.locator('tr[data-doc-id]').count(), { timeout: 15_000 }).toBe(5);
    expect(await tab.locator('tr[data-doc-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-doc-id')))).toEqual([
      MHLB,
      PROPOSALS,
      SHEET,
      OUTCOMES,
      CONSOLIDATED,
    ]);
    expect(await tab.locator('tr.group-line').count()).toBe(4);
  });

  it('at 1280 px, a row’s deadline and its actions are read whole (nothing cut by their columns)', async () => {
    await tab.setViewportSize({ width: 1280, height: 800 });
    const cut = await tab.locator('tr[data-doc-id]').evaluateAll((rows) =>
      rows.flatMap((r) =>
        ['.col-deadline', '.col-actions']
          .map((c) => r.querySelector<HTMLElement>(c)!)
          .filter((cell) => cell.scrollWidth > cell.clientWidth)
          .map((cell) => `${r.getAttribute('data-doc-id')} ${cell.className}: ${cell.textContent}`),
      ),
    );
    expect(cut).toEqual([]);
  });

  it('selects rows from the keyboard: arrows move, Space selects, Shift+arrows extend, Escape clears', async () => {
    await tab.getByLabel('Filter').focus();
    await tab.keyboard.press('ArrowDown'); // into the table
    await expect.poll(() => tab.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await tab.keyboard.press('ArrowDown');
    await tab.keyboard.press('Space');
    expect(await selectedIds()).toEqual([MHLB]);
    await tab.keyboard.press('ArrowDown');
    await tab.keyboard.press('Shift+ArrowDown');
    expect(await selectedIds()).toEqual([MHLB, PROPOSALS, SHEET]);
    await expect.poll(() => tab.locator('.bulk-count').textContent()).toMatch(/3 selected/);
    await tab.keyboard.press('Escape');
    expect(await selectedIds()).toEqual([]);
  });

  it('selects a range with a click and a Shift-click, then sets their status at once', async () => {
    await row(PROPOSALS).locator('td.col-ws').click();
    await row(OUTCOMES)
      .locator('td.col-ws')
      .click({ modifiers: ['Shift'] });
    expect(await selectedIds()).toEqual([PROPOSALS, SHEET, OUTCOMES]);
    await tab.getByLabel('Status', { exact: true }).last().selectOption('final');
    await tab.getByRole('button', { name: 'Set status' }).click();
    for (const id of [PROPOSALS, SHEET, OUTCOMES]) await expect.poll(() => statusOf(id)).toBe('Final');
    expect(await statusOf(MHLB)).toBe('Open for comments');
    await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Status set to Final on 3 documents' }).count()).toBe(1);
  });

  it('moves the selected deadlines by N days, and Undo puts them back', async () => {
    await tab.getByLabel('Move deadlines by').fill('7');
    await tab.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => deadlineOf(PROPOSALS)).toBe('2020-09-13');
    expect(await deadlineOf(SHEET)).toBe('2020-09-13');
    expect(await deadlineOf(OUTCOMES)).toBe('2020-09-14');
    expect(await deadlineOf(MHLB)).toBe('2020-09-10');
    await tab.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => deadlineOf(OUTCOMES)).toBe('2020-09-07');
    expect(await deadlineOf(PROPOSALS)).toBe('2020-09-06');
    // The status change before it stays.
    expect(await statusOf(OUTCOMES)).toBe('Final');
  });

  it('exports the selected deadlines as an .ics file of all-day events, read back with a parser', async () => {
    const events = await exportIcs('Export deadlines (.ics)');
    expect(events.map((e) => e.uid).sort()).toEqual([`${OUTCOMES}@docket`, `${PROPOSALS}@docket`, `${SHEET}@docket`].sort());
    const outcomes = events.find((e) => e.uid === `${OUTCOMES}@docket`)!;
    expect(outcomes).toMatchObject({ start: '2020-09-07', end: '2020-09-08', allDay: true });
    expect(outcomes.summary).toBe('Deadline: Strengthening IGF outcomes (C. Strengthening the IGF outcomes)');
    expect(outcomes.description).toContain(`https://docs.google.com/document/d/${OUTCOMES}/edit`);
  });

  it('deletes the selection with the Delete key, and Undo brings every row back', async () => {
    await tab.locator('.table-scroll').focus();
    await tab.keyboard.press('Delete');
    await expect.poll(() => tab.locator('tr[data-doc-id]').count()).toBe(2);
    await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Deleted 3 documents' }).count()).toBe(1);
    await tab.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tab.locator('tr[data-doc-id]').count()).toBe(5);
    expect(await statusOf(SHEET)).toBe('Final');
  });

  it('Recently deleted lists a deleted document, and Restore brings it back (issue 28, item 4)', async () => {
    await row(SHEET).locator('td.col-ws').click();
    await tab.locator('.table-scroll').focus();
    await tab.keyboard.press('Delete');
    await expect.poll(() => row(SHEET).count()).toBe(0);
    // A later notice does not take Undo away.
    await exportIcs('Export all deadlines (.ics)');
    expect(await tab.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    await tab.getByRole('tab', { name: 'Recently deleted' }).click();
    const entry = tab.locator(`.trash-list li[data-docket-id="${SHEET}"]`);
    await expect.poll(() => entry.count()).toBe(1);
    await entry.getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Restored 1 document.' }).count()).toBe(1);
    await expect.poll(() => entry.count()).toBe(0);
    await tab.getByRole('tab', { name: 'Documents' }).click();
    await expect.poll(() => row(SHEET).count()).toBe(1);
    expect(await statusOf(SHEET)).toBe('Final');
    await tab.getByRole('button', { name: 'Dismiss' }).first().click();
  });

  it('exports every deadline not done; a second export after a change keeps each UID and raises its SEQUENCE', async () => {
    const first = await exportIcs('Export all deadlines (.ics)');
    expect(first).toHaveLength(5);
    const before = first.find((e) => e.uid === `${MHLB}@docket`)!;
    expect(before).toMatchObject({ start: '2020-09-10', end: '2020-09-11' });
    // Move one deadline a day later: the next file describes the same event, changed.
    await row(MHLB).locator('td.col-ws').click();
    await tab.getByLabel('Move deadlines by').fill('1');
    await tab.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => deadlineOf(MHLB)).toBe('2020-09-11');
    const second = await exportIcs('Export all deadlines (.ics)');
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    const after = second.find((e) => e.uid === `${MHLB}@docket`)!;
    expect(after).toMatchObject({ start: '2020-09-11', end: '2020-09-12' });
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('changes reach the badges on open pages', async () => {
    const badge = minutes.locator(`a[href*="${SHEET}"] + docket-badge`).first();
    await expect.poll(() => badge.getAttribute('data-docket-status'), { timeout: 10_000 }).toBe('final');
  });

  it('a second visit draws the same rows (kept from the last answer, then asked again)', async () => {
    const again = await docket.context.newPage();
    await again.goto(`chrome-extension://${docket.extensionId}/docket.html`);
    await expect.poll(() => again.locator('tr[data-doc-id]').count(), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => again.locator(`tr[data-doc-id="${MHLB}"] time`).getAttribute('datetime')).toBe('2020-09-11');
    await again.close();
  });

  it('draws the deadline timeline per workstream, overdue first', async () => {
    await tab.getByRole('tab', { name: 'Timeline' }).click();
    const rows = tab.locator('.tl-chart tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    // Every sample deadline is in 2020: all overdue.
    expect(await rows.locator('td.tl-overdue').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-count')))).toEqual([
      '1',
      '2',
      '1',
      '1',
    ]);
    await tab.getByRole('tab', { name: 'Documents' }).click();
  });
});

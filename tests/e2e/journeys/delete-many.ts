/**
 * A delete of more than a screenful in Docket in a tab (issue 28, item 4), in either browser: the Delete key on
 * 120 selected rows asks in the page (a dialog named by its question, with the count; never window.confirm),
 * focus on Cancel; Escape and Cancel keep every document and give focus back to the table; the confirming
 * button deletes them all; Undo brings them back; deleted again, Recently deleted restores them whole.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { role, type Session, type StartSession, type Tab } from '../support/session';
import { importThroughPopup } from './common';

const COUNT = 120;
const IDS = Array.from({ length: COUNT }, (_, i) => `1BulkDeleteDocumentNumber${String(i).padStart(4, '0')}xyz`);
const INDEX = {
  format: 'docket-index',
  version: 1,
  exportedAt: '2020-09-25T09:00:00.000Z',
  workstreams: [{ id: 'ws-many', name: 'Many documents', color: '#1f6feb' }],
  documents: IDS.map((id, i) => ({
    id,
    kind: 'document',
    title: `Document ${i + 1}`,
    url: `https://docs.google.com/document/d/${id}/edit`,
    aliases: [],
    workstreamId: 'ws-many',
    status: 'draft',
    updatedAt: '2020-08-27T14:00:00.000Z',
  })),
};
const QUESTION = 'Delete 120 documents? They go to Recently deleted, where you can restore them.';
const ALL = /^120 of 120 documents/;

export function deleteManyJourney(start: StartSession) {
  let docket: Session;
  let tab: Tab;

  beforeAll(async () => {
    docket = await start();
    const file = join(mkdtempSync(join(tmpdir(), 'docket-delete-many-')), 'many.json');
    writeFileSync(file, JSON.stringify(INDEX));
    const popup = await docket.popup();
    expect(await importThroughPopup(popup, file)).toMatch(/120 documents added/);
    const full = popup.url().replace(/popup\.html.*$/, 'docket.html');
    await popup.close();
    tab = await docket.open(full);
    // window.confirm would stop the page: any call is counted (and answered No).
    await tab.evaluate(() => {
      const w = window as unknown as { nativeAsked: number };
      w.nativeAsked = 0;
      window.confirm = () => {
        w.nativeAsked++;
        return false;
      };
    });
  });
  afterAll(async () => docket?.close());

  const size = () => tab.text({ css: '.result-count' });
  const dialogs = () => tab.count({ css: 'dialog[open]' });
  const focused = () =>
    tab.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('role') ?? el?.textContent?.trim() ?? null;
    });

  async function selectAllAndDelete() {
    await tab.click({ css: 'tr[data-doc-id] input[type="checkbox"]' });
    await tab.click(role.button('Select all 120'));
    await expect.poll(() => tab.text({ css: '.bulk-count strong' })).toBe('120 selected');
    await tab.focus({ css: '.table-scroll' });
    await tab.press('Delete');
    await tab.waitFor({ css: 'dialog[open]' });
  }

  describe('a delete of more than a screenful asks once, in the page, with the count', () => {
    it('the Delete key on 120 rows opens a dialog named by its question, focus on Cancel', async () => {
      await expect.poll(size).toMatch(ALL);
      await selectAllAndDelete();
      expect(await tab.count({ css: 'dialog[open]', label: QUESTION })).toBe(1);
      expect(await tab.text({ css: 'dialog[open] p' })).toBe(QUESTION);
      await expect.poll(focused).toBe('Cancel');
    });

    it('Escape keeps every document, and focus goes back to the table', async () => {
      await tab.press('Escape');
      await expect.poll(dialogs).toBe(0);
      await expect.poll(focused).toBe('grid');
      expect(await size()).toMatch(ALL);
      expect(await tab.text({ css: '.bulk-count strong' })).toBe('120 selected');
    });

    it('Cancel keeps every document', async () => {
      await tab.press('Delete');
      await tab.click(role.button('Cancel', { css: 'dialog[open]' }));
      await expect.poll(dialogs).toBe(0);
      await expect.poll(focused).toBe('grid');
      expect(await size()).toMatch(ALL);
    });

    it('the confirming button deletes all 120, and Undo brings every one back', async () => {
      await tab.press('Delete');
      await tab.click(role.button('Delete 120', { css: 'dialog[open]' }));
      await tab.waitFor(role.status(/^Deleted 120 documents/));
      await expect.poll(() => tab.count({ css: 'tr[data-doc-id]' })).toBe(0);
      await tab.click(role.button('Undo'));
      await expect.poll(size).toMatch(ALL);
    });

    it('deleted again, Recently deleted restores all 120 whole; window.confirm was never called', async () => {
      await selectAllAndDelete();
      await tab.click(role.button('Delete 120', { css: 'dialog[open]' }));
      await expect.poll(() => tab.count({ css: 'tr[data-doc-id]' })).toBe(0);
      await tab.click(role.tab('Recently deleted'));
      await tab.click(role.button('Restore all 120'));
      await tab.waitFor(role.status(/Undone for 120 documents/));
      await tab.click(role.tab('Documents'));
      await expect.poll(size).toMatch(ALL);
      expect(await tab.evaluate(() => (window as unknown as { nativeAsked: number }).nativeAsked)).toBe(0);
    });
  });
}

/**
 * Updates keep everything (issue 24). The build of an earlier commit (tests/fixtures/builds/, made by
 * scripts/build-commit.mjs) runs in a real Chromium profile; an index is imported through that version's popup
 * and changed through that version's own messages (an edit, a deletion, a workstream renamed, a subscription);
 * then today's build is put in the same folder (so the same extension id) and the browser starts again on the
 * same profile: an update in place. Every document, workstream, deletion, snapshot and subscription must be
 * there, byte for byte as IndexedDB holds them, and the popup and badges must work.
 *
 * A failed database upgrade is tested through a real update too: a build whose extra migration fails
 * (`wxt build -m broken-upgrade`, utils/background/db/schema.ts) must leave the index readable and say so,
 * and the next good build must find it whole.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithDocket } from '../../scripts/lib/browser.mjs';
import { startServer } from '../../scripts/lib/server.mjs';
import { badgeAfter, importThroughPopup } from './support/harness';

declare const chrome: any;

const ROOT = resolve(import.meta.dirname, '../..');
/** whatsNewItem's key in utils/shared/storage-items.ts (which imports the extension API, so not loaded here). */
const WHATS_NEW_KEY = 'docket:whats-new';
const BUILDS = resolve(ROOT, 'tests/fixtures/builds');
const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const FEED_CSV =
  'url,title,workstream,deadline,status\nhttps://docs.google.com/document/d/1FeedDocAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/edit,A document of the group’s sheet,Sheet workstream,2026-12-20,draft\n';

/** An index of the sample's workstreams and 2,000 documents (ids made from a counter: the same every run). */
function bigIndex(): string {
  const workstreams = ['A', 'B', 'C', 'D'].map((l, i) => ({
    id: `ws-${l}`,
    name: `${l}. Workstream ${i + 1}`,
    group: 'WG',
    color: '#1f6feb',
  }));
  const documents = Array.from({ length: 2000 }, (_, i) => {
    const id = `1Upd${String(i).padStart(6, '0')}${'x'.repeat(30)}`;
    return {
      id,
      kind: 'document',
      title: `Output document ${i}`,
      url: `https://docs.google.com/document/d/${id}/edit`,
      workstreamId: workstreams[i % 4]!.id,
      deadline: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      status: 'open-for-comments',
      notes: i % 7 ? '' : `Note ${i}: ∑ ü 漢字 عربي`,
      updatedAt: '2026-11-01T10:00:00.000Z',
    };
  });
  documents.push({
    id: MHLB,
    kind: 'document',
    title: 'Possible implementation models for the MHLB',
    url: `https://docs.google.com/document/d/${MHLB}/edit`,
    workstreamId: 'ws-A',
    deadline: '2026-12-10',
    status: 'open-for-comments',
    notes: '',
    updatedAt: '2026-11-01T10:00:00.000Z',
  });
  return JSON.stringify({ format: 'docket-index', version: 1, exportedAt: '2026-11-01T10:00:00.000Z', workstreams, documents });
}

/** Every object store of Docket's IndexedDB, read from one of its pages (Maps and Dates made JSON). */
function readIndex(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open('docket');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const plain = (v: unknown): unknown =>
      v instanceof Map
        ? Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]))
        : Array.isArray(v)
          ? v.map(plain)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
            : v;
    const out: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames]) {
      out[name] = await new Promise((ok, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(plain(req.result) as unknown[]);
        req.onerror = () => fail(req.error);
      });
    }
    db.close();
    return out;
  });
}

/** A message to the background from one of Docket's pages, as that version's own pages send it. */
function ask(page: Page, type: string, data: unknown): Promise<{ ok: boolean; result?: any; error?: string }> {
  return page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);
}

const byId = (rows: unknown[]) => new Map((rows as Array<{ id: string }>).map((r) => [r.id, r]));

interface Stage {
  dir: string;
  profile: string;
  server: Awaited<ReturnType<typeof startServer>>;
  feed: string;
}

async function launch(stage: Stage) {
  return launchWithDocket({ port: stage.server.port, extensionDir: stage.dir, userDataDir: stage.profile });
}

/**
 * Put a build in the extension's folder: a .tar.gz of an earlier build, or a folder of today's. The browser is
 * closed. Chromium, started again on an unpacked extension whose files changed, keeps running the service worker
 * it registered before (the old background); its updater would register the new one, so the profile's
 * registrations are removed here: the next start registers today's background, as after a store update.
 * (`chrome.runtime.reload()` would be closer, but it disables an extension loaded with --load-extension.)
 */
function install(stage: Stage, build: string) {
  rmSync(join(stage.profile, 'Default', 'Service Worker'), { recursive: true, force: true, maxRetries: 5 });
  rmSync(stage.dir, { recursive: true, force: true });
  mkdirSync(stage.dir, { recursive: true });
  if (build.endsWith('.tar.gz')) execFileSync('tar', ['-xzf', build, '-C', stage.dir]);
  else cpSync(build, stage.dir, { recursive: true });
}

async function newStage(): Promise<Stage> {
  const base = mkdtempSync(join(tmpdir(), 'docket-update-'));
  const server = await startServer({ '/wg-feed.csv': { type: 'text/csv; charset=utf-8', body: FEED_CSV } });
  return { dir: join(base, 'docket'), profile: join(base, 'profile'), server, feed: server.url('/wg-feed.csv') };
}

const stages: Stage[] = [];
afterAll(async () => {
  for (const s of stages) {
    await s.server.close();
    rmSync(resolve(s.dir, '..'), { recursive: true, force: true, maxRetries: 5 });
  }
});

describe.each([
  { commit: 'b03f6c3', what: 'the first index format (version 2: no snapshots, no subscriptions yet)', v3: false },
  { commit: '5932ee7', what: 'version 0.1.0, the last release', v3: true },
])('an update in place from $commit, $what', ({ commit, v3 }) => {
  let stage: Stage;
  let before: Record<string, unknown[]>;
  let deletedId: string;

  beforeAll(async () => {
    stage = await newStage();
    stages.push(stage);
    install(stage, join(BUILDS, `${commit}-chrome-mv3.tar.gz`));
    const old = await launch(stage);
    try {
      const popup = await old.context.newPage();
      await popup.goto(old.popupUrl());
      const file = join(resolve(stage.dir, '..'), 'index.json');
      writeFileSync(file, bigIndex());
      await importThroughPopup(popup, file);
      const { result } = await ask(popup, 'index/get', {});
      expect(result.documents).toHaveLength(2001);
      const mhlb = result.documents.find((d: { id: string }) => d.id === MHLB);
      expect((await ask(popup, 'doc/put', { doc: { ...mhlb, status: 'final', notes: 'Edited before the update' } })).ok).toBe(
        true,
      );
      deletedId = result.documents.find((d: { id: string }) => d.id !== MHLB).id;
      expect((await ask(popup, 'doc/delete', { id: deletedId })).ok).toBe(true);
      const ws = result.workstreams.find((w: { id: string }) => w.id === 'ws-B');
      expect((await ask(popup, 'ws/put', { workstream: { ...ws, name: 'B. Renamed before the update' } })).ok).toBe(true);
      if (v3) {
        const sub = await ask(popup, 'subscriptions/add', { url: stage.feed, name: 'The group’s sheet' });
        expect(sub.ok, sub.error).toBe(true);
        // The first sync adds the sheet's one document.
        for (let i = 0; i < 300 && (await ask(popup, 'index/get', {})).result.documents.length !== 2001; i++) {
          await popup.waitForTimeout(100);
        }
      }
      before = await readIndex(popup);
    } finally {
      await old.close();
    }
  });

  it('keeps every document, workstream, deletion, snapshot and subscription as they were', async () => {
    install(stage, EXTENSION_DIR);
    const now = await launch(stage);
    try {
      const popup = await now.context.newPage();
      await popup.goto(now.popupUrl());
      // The background answers once the index is open (and upgraded).
      await expect.poll(async () => (await ask(popup, 'index/get', {})).ok).toBe(true);
      const after = await readIndex(popup);
      for (const store of ['documents', 'workstreams', 'trash', 'subscriptions', 'bases'] as const) {
        if (!before[store]) continue;
        expect(after[store], store).toEqual(before[store]);
      }
      const docs = byId(after.documents!);
      expect(docs.size).toBe(v3 ? 2001 : 2000);
      expect(docs.get(MHLB)).toMatchObject({ status: 'final', notes: 'Edited before the update' });
      expect(docs.has(deletedId)).toBe(false);
      expect((after.trash as Array<{ doc: { id: string } }>).map((t) => t.doc.id)).toContain(deletedId);
      expect(byId(after.workstreams!).get('ws-B')).toMatchObject({ name: 'B. Renamed before the update' });
      if (v3) {
        // Every snapshot the old version took is still there.
        expect(after.snapshots!.length).toBeGreaterThanOrEqual(before.snapshots!.length);
        expect(after.snapshots).toEqual(expect.arrayContaining(before.snapshots!));
        expect(after.subscriptions).toHaveLength(1);
      } else {
        // Version 2 had no snapshots: the upgrade took one of the index as it was.
        expect(after.snapshots).toEqual([expect.objectContaining({ reason: 'upgrade', documents: 2000 })]);
      }
    } finally {
      await now.close();
    }
  });

  it('badges and the popup work after the update, and no tab is opened', async () => {
    const now = await launch(stage);
    try {
      const minutes = await now.context.newPage();
      await minutes.goto(stage.server.url('/wg-strategy/minutes-4.html'));
      const badge = badgeAfter(minutes, `a[href*="${MHLB}"]`).first();
      await expect.poll(() => badge.getAttribute('data-docket-status')).toBe('final');
      const popup = await now.context.newPage();
      await popup.goto(now.popupUrl());
      await popup.getByRole('searchbox').first().fill('MHLB');
      await popup.getByText('Possible implementation models for the MHLB').first().waitFor();
      expect(
        now.context
          .pages()
          .map((p) => p.url())
          .filter((u) => !/popup\.html|minutes-4|about:blank/.test(u)),
      ).toEqual([]);
    } finally {
      await now.close();
    }
  });
});

describe('an update whose database upgrade fails', () => {
  const broken = resolve(ROOT, '.output/chrome-mv3-broken-upgrade');
  let stage: Stage;

  beforeAll(async () => {
    // Built from today's sources every run (a stale one would test yesterday's code).
    execFileSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build', '-m', 'broken-upgrade'], { cwd: ROOT, stdio: 'ignore' });
    expect(existsSync(join(broken, 'manifest.json'))).toBe(true);
    stage = await newStage();
    stages.push(stage);
  });

  it('leaves the old index readable and says so; the next good update finds it whole', { timeout: 400_000 }, async () => {
    install(stage, EXTENSION_DIR);
    let now = await launch(stage);
    let before: Record<string, unknown[]>;
    try {
      const popup = await now.context.newPage();
      await popup.goto(now.popupUrl());
      const file = join(resolve(stage.dir, '..'), 'index.json');
      writeFileSync(file, bigIndex());
      await importThroughPopup(popup, file);
      before = await readIndex(popup);
    } finally {
      await now.close();
    }

    install(stage, broken);
    now = await launch(stage);
    try {
      const popup = await now.context.newPage();
      await popup.goto(now.popupUrl());
      await popup
        .getByText(/could not upgrade its index/)
        .first()
        .waitFor();
      const read = await ask(popup, 'index/get', {});
      expect(read.ok).toBe(true);
      expect(read.result.documents.length).toBeGreaterThan(0);
      const write = await ask(popup, 'doc/delete', { id: MHLB });
      expect(write.ok).toBe(false);
      expect((await readIndex(popup)).documents).toEqual(before.documents);
    } finally {
      await now.close();
    }

    install(stage, EXTENSION_DIR);
    now = await launch(stage);
    try {
      const popup = await now.context.newPage();
      await popup.goto(now.popupUrl());
      await expect.poll(async () => (await ask(popup, 'index/get', {})).ok).toBe(true);
      const after = await readIndex(popup);
      expect(after.documents).toEqual(before.documents);
      expect(after.workstreams).toEqual(before.workstreams);
      expect((await ask(popup, 'doc/delete', { id: MHLB })).ok).toBe(true);
    } finally {
      await now.close();
    }
  });
});

describe("What's new after an update", () => {
  it("shows the new version's notes once, until dismissed, and opens no tab", async () => {
    const b = await launchWithDocket({});
    try {
      // What the background notes on runtime.onInstalled (reason "update", utils/shared/whats-new.ts): Chromium
      // delivers no such event to an unpacked extension whose files changed between two starts (see install()).
      await b.worker.evaluate(
        (key) => chrome.storage.local.set({ [key]: { from: '0.1.0', to: chrome.runtime.getManifest().version } }),
        WHATS_NEW_KEY,
      );
      const popup = await b.context.newPage();
      await popup.goto(b.popupUrl());
      const note = popup.getByRole('region', { name: /Docket was updated to/ });
      await note.waitFor();
      expect(await note.getByRole('listitem').count()).toBeGreaterThan(0);
      await note.getByRole('button', { name: 'Dismiss' }).click();
      await note.waitFor({ state: 'detached' });
      await popup.reload();
      await popup.getByRole('tab', { name: 'Documents' }).waitFor();
      expect(await popup.getByRole('region', { name: /Docket was updated to/ }).count()).toBe(0);
      expect(
        b.context
          .pages()
          .map((p) => p.url())
          .filter((u) => !/popup\.html|about:blank/.test(u)),
      ).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

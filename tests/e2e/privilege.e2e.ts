/**
 * Least privilege and no way in from a page (issue 6): checks on the built extension itself.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocket, type Docket } from './support/harness';

const OUT = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const manifest = () => JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
const scripts = (dir = OUT): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? scripts(p) : p.endsWith('.js') ? [p] : [];
  });

describe('the built manifest', () => {
  it('asks for no all-sites access: only the default sites, everything else optional', () => {
    const m = manifest();
    expect(m.host_permissions).toEqual([
      '*://docs.google.com/*',
      '*://mail.google.com/*',
      '*://groups.google.com/*',
      '*://*.intgovforum.org/*',
    ]);
    const granted = [...m.permissions, ...m.host_permissions];
    for (const broad of [
      '<all_urls>',
      '*://*/*',
      'http://*/*',
      'https://*/*',
      'tabs',
      'webRequest',
      'cookies',
      'history',
      'management',
      'debugger',
    ]) {
      expect(granted).not.toContain(broad);
    }
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    expect(m.optional_permissions).toEqual(['notifications']);
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([
      '*://*.intgovforum.org/*',
      '*://docs.google.com/*',
      '*://groups.google.com/*',
      '*://mail.google.com/*',
    ]);
    expect(m.externally_connectable).toBeUndefined();
    // One web-accessible file: the content script's later part (issue 27), under Chromium's dynamic address only.
    expect(m.web_accessible_resources).toEqual([
      { resources: ['content-badges.js'], matches: ['*://*/*'], use_dynamic_url: true },
    ]);
  });

  it('has a strict CSP and ships no eval, no remote code', () => {
    expect(manifest().content_security_policy.extension_pages).toBe(
      "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    for (const file of scripts()) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|importScripts\(/);
      expect(code, file).not.toMatch(/<script[^>]+src=["']https?:/);
    }
    for (const html of readdirSync(OUT).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(join(OUT, html), 'utf8')).not.toMatch(/src=["']https?:/);
    }
  });

  it('the content script never assigns innerHTML (neither of its parts)', () => {
    for (const file of ['content-scripts/content.js', 'content-badges.js']) {
      expect(readFileSync(join(OUT, file), 'utf8'), file).not.toMatch(
        /innerHTML|outerHTML\s*=|insertAdjacentHTML|document\.write/,
      );
    }
  });
});

describe('a page cannot reach the index', () => {
  let docket: Docket;
  beforeAll(async () => {
    docket = await startDocket({
      '/snoop.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>snoop</title><p>nothing</p>' },
    });
  });
  afterAll(async () => docket?.close());

  it('has no channel to Docket: no runtime, no message that Docket answers, no storage of its own', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/snoop.html'));
    const probe = await page.evaluate(async (id) => {
      const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } };
      const results: Record<string, unknown> = { runtime: typeof w.chrome?.runtime?.sendMessage };
      try {
        (w.chrome!.runtime!.sendMessage as (id: string, m: unknown) => unknown)(id, { type: 'index/get', data: {} });
        results.sent = 'no error';
      } catch (error) {
        results.sent = String(error);
      }
      // A page that imitates Docket's messages in its own window gets nothing back.
      let answered = false;
      window.addEventListener('message', (e) => {
        if (e.data && typeof e.data === 'object' && 'result' in e.data) answered = true;
      });
      window.postMessage({ type: 'index/get', data: {} }, '*');
      window.postMessage({ type: 'doc/delete', data: { id: '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI' } }, '*');
      await new Promise((r) => setTimeout(r, 300));
      results.answered = answered;
      results.databases = (await indexedDB.databases()).map((d) => d.name);
      return results;
    }, docket.extensionId);
    expect(probe.runtime).toBe('undefined');
    expect(String(probe.sent)).toMatch(/TypeError|Cannot read|undefined/);
    expect(probe.answered).toBe(false);
    expect(probe.databases).toEqual([]);
  });

  it('cannot tell from the extension’s files that Docket is installed (the badge code is under a dynamic address)', async () => {
    const page = await docket.context.newPage();
    await page.goto(docket.server.url('/snoop.html'));
    const fetched = await page.evaluate(async (id) => {
      const out: string[] = [];
      for (const file of ['content-badges.js', 'content-scripts/content.js', 'manifest.json']) {
        try {
          out.push(`${file}: ${(await fetch(`chrome-extension://${id}/${file}`)).status}`);
        } catch {
          out.push(`${file}: refused`);
        }
      }
      return out;
    }, docket.extensionId);
    expect(fetched).toEqual(['content-badges.js: refused', 'content-scripts/content.js: refused', 'manifest.json: refused']);
  });
});

/**
 * The built Firefox manifests (npm test builds both): each valid for its manifest version, with the
 * same extension-page policy as Chrome's (issue 13, item 17) and the same least privilege.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../../scripts/lib/addon-id.mjs';

const OUT = resolve(import.meta.dirname, '../../../.output');
const manifest = (dir: string) => JSON.parse(readFileSync(join(OUT, dir, 'manifest.json'), 'utf8'));
const POLICY = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const DEFAULT_SITES = ['*://docs.google.com/*', '*://mail.google.com/*', '*://groups.google.com/*', '*://*.intgovforum.org/*'];

describe('the built Firefox manifests', () => {
  it('are both built', () => {
    expect(existsSync(join(OUT, 'firefox-mv2/manifest.json'))).toBe(true);
    expect(existsSync(join(OUT, 'firefox-mv3/manifest.json'))).toBe(true);
  });

  it('give extension pages the same policy as Chrome: a string in MV2, the object form in MV3', () => {
    expect(manifest('chrome-mv3').content_security_policy).toEqual({ extension_pages: POLICY });
    expect(manifest('firefox-mv2').content_security_policy).toBe(POLICY);
    expect(manifest('firefox-mv3').content_security_policy).toEqual({ extension_pages: POLICY });
  });

  it('MV2 (what npm run zip ships): the default sites granted, every other site optional', () => {
    const m = manifest('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect(m.permissions.filter((p: string) => p.includes('://'))).toEqual(DEFAULT_SITES);
    expect(m.optional_permissions).toEqual(['*://*/*', 'notifications']);
    expect(m.commands._execute_browser_action).toBeDefined();
    expect(m.browser_specific_settings.gecko).toMatchObject({ id: GECKO_ID, strict_min_version: '142.0' });
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('MV3: host permissions and optional host permissions in their own keys, as MV3 requires', () => {
    const m = manifest('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions).toEqual(DEFAULT_SITES);
    expect(m.permissions.some((p: string) => p.includes('://'))).toBe(false);
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    expect(m.optional_permissions).toEqual(['notifications']);
    expect(m.commands._execute_action).toBeDefined();
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.web_accessible_resources).toBeUndefined();
  });
});

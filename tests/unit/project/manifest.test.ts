/**
 * The manifest every build gets (wxt.config.ts): Firefox's extension pages are held to the same
 * content security policy as Chrome's (issue 13, item 17), in the form each manifest version takes.
 */
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Record<string, unknown>;
const manifestFor = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as unknown as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });

const POLICY = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

describe('content security policy of extension pages', () => {
  it.each<[string, 2 | 3, unknown]>([
    ['chrome', 3, { extension_pages: POLICY }],
    ['firefox', 2, POLICY],
    ['firefox', 3, { extension_pages: POLICY }],
  ])('%s MV%i', (browser, mv, csp) => {
    expect(manifestFor(browser, mv).content_security_policy).toEqual(csp);
  });

  it('MV2 keys for MV2 builds, MV3 keys for MV3 builds', () => {
    expect(manifestFor('firefox', 2)).toHaveProperty('optional_permissions', ['*://*/*', 'notifications']);
    expect(manifestFor('firefox', 3)).toHaveProperty('optional_host_permissions', ['*://*/*']);
    expect(Object.keys(manifestFor('firefox', 2).commands as object)).toEqual(['_execute_browser_action']);
    expect(Object.keys(manifestFor('firefox', 3).commands as object)).toEqual(['_execute_action']);
  });
});

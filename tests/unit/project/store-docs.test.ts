/**
 * What the stores ask for (docs/store/, entrypoints/privacy/): every permission the manifest declares is
 * explained there and used by the code (the stores reject unused ones), and the privacy policy names what
 * Docket sends where.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { isWhatsNew, whatsNewFor } from '@/utils/shared/whats-new';

const ROOT = resolve(import.meta.dirname, '../../..');
type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Record<string, unknown>;
const manifest = (config.manifest as unknown as ManifestFn)({
  browser: 'chrome',
  manifestVersion: 3,
  mode: 'production',
  command: 'build',
});
const permissionsDoc = readFileSync(resolve(ROOT, 'docs/store/permissions.md'), 'utf8');
const privacy = readFileSync(resolve(ROOT, 'entrypoints/privacy/index.html'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}
const code = ['utils', 'entrypoints', 'components', 'hooks']
  .map((d) => resolve(ROOT, d))
  .filter((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  })
  .flatMap(sources)
  .join('\n');

/** How the code uses each API permission (unlimitedStorage and activeTab have no API of their own). */
const USE: Record<string, RegExp> = {
  storage: /browser\.storage\.(local|session)|storage\.defineItem/,
  scripting: /browser\.scripting\./,
  unlimitedStorage: /indexedDB|openDB</,
  activeTab: /tabs\.query\(\{\s*active: true|activeTab|tabs\.query/,
  contextMenus: /browser\.(contextMenus|menus)\./,
  alarms: /browser\.alarms\./,
  notifications: /browser\.notifications\./,
};

describe('store material', () => {
  const declared = [...(manifest.permissions as string[]), ...(manifest.optional_permissions as string[])];

  it.each(declared)('the permission %s is explained in docs/store/permissions.md and used by the code', (permission) => {
    expect(permissionsDoc).toContain(`## \`${permission}\``);
    expect(USE[permission], `no known use of ${permission}`).toBeDefined();
    expect(code).toMatch(USE[permission]!);
  });

  it('every host permission is explained', () => {
    for (const host of [...(manifest.host_permissions as string[]), ...(manifest.optional_host_permissions as string[])]) {
      expect(permissionsDoc).toContain(`\`${host}\``);
    }
  });

  it('the privacy policy says Docket collects nothing, and names the three things it sends', () => {
    expect(privacy).toMatch(/collects nothing/);
    expect(privacy).toMatch(/shared sheet/);
    expect(privacy).toMatch(/HTML export/);
    expect(privacy).toMatch(/Add to Google Calendar/);
  });

  it("Firefox's data-collection declaration matches the policy: none", () => {
    const firefox = (config.manifest as unknown as ManifestFn)({
      browser: 'firefox',
      manifestVersion: 2,
      mode: 'production',
      command: 'build',
    });
    const gecko = (firefox.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
  });
});

describe("What's new after an update", () => {
  it.each([
    [{ reason: 'update', previousVersion: '0.1.0' }, '0.2.0', { from: '0.1.0', to: '0.2.0' }],
    [{ reason: 'update', previousVersion: '0.2.0' }, '0.2.0', null],
    [{ reason: 'update' }, '0.2.0', null],
    [{ reason: 'install' }, '0.2.0', null],
    [{ reason: 'chrome_update', previousVersion: '0.1.0' }, '0.2.0', null],
  ])('%j to %s: %j', (details, current, expected) => expect(whatsNewFor(details, current)).toEqual(expected));

  it.each([
    [{ from: '0.1.0', to: '0.2.0' }, true],
    [{ from: '0.1.0' }, false],
    ['0.2.0', false],
    [null, false],
  ])('%j is a note: %s', (value, ok) => expect(isWhatsNew(value)).toBe(ok));
});

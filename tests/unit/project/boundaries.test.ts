/**
 * The walls between the worlds (eslint.config.js): these imports must be refused by the linter,
 * and the allowed ones accepted. A change that opens a wall fails here, not in review.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

// ESLint's first run loads its plugins and the TypeScript resolver: allow for a slow, busy machine.
describe('import boundaries', { timeout: 120_000 }, () => {
  it.each<[string, string, string]>([
    ['utils/content/x.ts', "import { openDocketDb } from '../background/db/store';", 'import-x/no-restricted-paths'],
    ['utils/content/x.ts', "import { parseStatusFilter } from '../popup/params';", 'import-x/no-restricted-paths'],
    ['entrypoints/content.ts', "import { createHandlers } from '@/utils/background/service';", 'import-x/no-restricted-paths'],
    ['utils/popup/x.ts', "import { queryDocs } from '../background/queries';", 'import-x/no-restricted-paths'],
    ['components/X.tsx', "import { planMerge } from '../utils/background/interchange/merge';", 'import-x/no-restricted-paths'],
    ['utils/shared/x.ts', "import { parseStatusFilter } from '../popup/params';", 'import-x/no-restricted-paths'],
    ['utils/background/x.ts', "import { startContent } from '../content/start';", 'import-x/no-restricted-paths'],
    ['utils/popup/x.ts', "import { openDB } from 'idb';", 'no-restricted-imports'],
    // The content script reads storage raw: WXT's storage items would add their weight to every page.
    ['utils/content/x.ts', "import { revisionItem } from '../shared/storage-items';", 'import-x/no-restricted-paths'],
    // The full page is an extension page like the popup.
    ['entrypoints/docket/x.ts', "import { createHandlers } from '@/utils/background/service';", 'import-x/no-restricted-paths'],
    ['entrypoints/docket/x.ts', "import { startContent } from '@/utils/content/start';", 'import-x/no-restricted-paths'],
    ['hooks/x.ts', "import { queryDocs } from '@/utils/background/queries';", 'import-x/no-restricted-paths'],
    // utils/ is logic: it never reaches up into the React layer or the entrypoints.
    ['utils/popup/x.ts', "import { ErrorAlert } from '@/components/common/ErrorAlert';", 'import-x/no-restricted-paths'],
    ['utils/popup/x.ts', "import { useLatest } from '@/hooks/useLatest';", 'import-x/no-restricted-paths'],
    ['utils/shared/x.ts', "import { useLatest } from '@/hooks/useLatest';", 'import-x/no-restricted-paths'],
    ['utils/background/x.ts', "import { mount } from '@/entrypoints/popup/mount';", 'import-x/no-restricted-paths'],
    // No React on web pages or in the service worker.
    ['utils/content/x.ts', "import { useState } from 'react';", 'no-restricted-imports'],
    ['utils/content/x.ts', "import { createRoot } from 'react-dom/client';", 'no-restricted-imports'],
    ['utils/background/x.ts', "import { useState } from 'react';", 'no-restricted-imports'],
    ['entrypoints/content.ts', "import { createRoot } from 'react-dom/client';", 'no-restricted-imports'],
    // The content script still may not open the database (its rule also lists React).
    ['utils/content/x.ts', "import { openDB } from 'idb';", 'no-restricted-imports'],
    // The scanner takes only utils/shared and its own modules.
    ['utils/popup/scan/x.ts', "import { parseStatusFilter } from '../params';", 'import-x/no-restricted-paths'],
    ['utils/popup/scan/x.ts', "import { sourceInfo } from '@/utils/popup/doc-text';", 'import-x/no-restricted-paths'],
    ['utils/popup/scan/x.ts', "import { ErrorAlert } from '@/components/common/ErrorAlert';", 'import-x/no-restricted-paths'],
  ])('%s may not: %s', async (file, line, rule) => {
    expect(await problems(file, `${line}\nexport const used = [${line.match(/\{ (\w+) \}/)![1]}];\n`)).toContain(rule);
  });

  it.each<[string, string]>([
    ['utils/content/x.ts', "import { parseDocLink } from '../shared/links';"],
    ['utils/popup/x.ts', "import { send } from '../shared/protocol';"],
    ['utils/background/x.ts', "import { openDB } from 'idb';"],
    ['components/X.tsx', "import { compareDocs } from '../utils/shared/doc-order';"],
    ['entrypoints/docket/x.ts', "import { parsePrefs } from '@/utils/popup/table-view';"],
    ['hooks/x.ts', "import { send } from '@/utils/shared/protocol';"],
    ['utils/popup/scan/x.ts', "import { isIsoDate } from '../../shared/model';"],
    ['utils/popup/scan/x.ts', "import { monthNumber } from './dates';"],
    ['utils/popup/x.ts', "import { scanDocument } from './scan/scan';"],
    ['components/X.tsx', "import { useState } from 'react';"],
  ])('%s may: %s', async (file, line) => {
    const found = await problems(file, `${line}\nexport const used = [${line.match(/\{ (\w+) \}/)![1]}];\n`);
    expect(found.filter((r) => /restricted/.test(r))).toEqual([]);
  });
});

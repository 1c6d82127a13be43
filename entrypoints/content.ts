import { defineContentScript } from 'wxt/utils/define-content-script';
import { startDocket } from '@/utils/content/start';
import { DEFAULT_SITE_PATTERNS } from '@/utils/shared/sites';

// Badges next to Google document links (CONTRACT §3) on the default sites
// (CONTRACT §5); other sites register this same file at run time.
export default defineContentScript({
  matches: [...DEFAULT_SITE_PATTERNS],
  runAt: 'document_idle',
  // No start-up message a page could read and imitate (issue 13, item 3); the script decides
  // itself when its extension is gone (utils/content/start.ts), whatever WXT's context hears.
  noScriptStartedPostMessage: true,
  main: () => void startDocket(),
});

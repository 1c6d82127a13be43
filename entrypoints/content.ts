import { defineContentScript } from 'wxt/utils/define-content-script';
import { startDocket } from '@/utils/content/start';
import { DEFAULT_SITE_PATTERNS } from '@/utils/shared/sites';

// Badges next to Google document links (CONTRACT §3) on the default sites
// (CONTRACT §5); other sites register this same file at run time.
export default defineContentScript({
  matches: [...DEFAULT_SITE_PATTERNS],
  runAt: 'document_idle',
  main: (ctx) => void startDocket(ctx),
});

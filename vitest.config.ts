import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure modules, the background's handlers over fake-indexeddb and
// WXT's fake browser, and content-script DOM code in happy-dom (per-file
// `// @vitest-environment happy-dom`).
// Dates are shown in the member's locale: the tests read them in American English, whatever the machine's.
process.env.LC_ALL = 'en_US.UTF-8';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/support/i18n-setup.ts'],
    restoreMocks: true,
    // Generous: a test may take three times longer on a busy machine. No test measures speed
    // (that is `npm run bench`); a pathological slowdown still ends at this limit.
    testTimeout: 60_000,
  },
});

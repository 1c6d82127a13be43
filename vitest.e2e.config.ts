import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real browsers. Two projects, run one after the other by
// scripts/test.mjs (`--project chromium`, `--project firefox`):
// - chromium: .output/chrome-mv3 in Debian's Chromium, driven by playwright-core;
// - firefox: .output/firefox-mv2 in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi.
// Journeys both browsers share live in tests/e2e/journeys/ (tests/e2e/support/ is the adapter).
// One file at a time: one browser at a time on 2 cores. Limits are generous: a test waits for the
// thing itself (an event, a state), and a busy machine may be three times slower than a quiet one.
const common = {
  environment: 'node',
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // expect.poll waits for a state: up to 30 s by default, not vitest's 1 s.
  expect: { poll: { timeout: 30_000, interval: 100 } },
} as const;

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'chromium', include: ['tests/e2e/*.e2e.ts'] } },
      { test: { ...common, name: 'firefox', include: ['tests/e2e/firefox/*.e2e.ts'] } },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// End-to-end: the built extension (.output/chrome-mv3) in Debian's Chromium, driven by playwright-core.
// One file at a time: one browser at a time on 2 cores. Limits are generous: a test waits for the
// thing itself (an event, a state), and a busy machine may be three times slower than a quiet one.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for a state: up to 30 s by default, not vitest's 1 s.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});

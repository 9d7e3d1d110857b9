import { defineConfig } from 'vitest/config';

/**
 * `npm test`: everything that needs only Node. The browser tests (tests/browser/, Debian's chromium) run with
 * `npm run test:browser` (vitest.browser.config.ts); CI runs both.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

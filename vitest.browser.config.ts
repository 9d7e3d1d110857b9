import { defineConfig } from 'vitest/config';

/** `npm run test:browser`: the pages in headless Chromium (Debian's chromium, or CHROMIUM_PATH); fails without it. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});

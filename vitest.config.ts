import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The json-rules-engine differential files take about 40 s each, several times any other: they start first, one per
 * core, and the short files fill in around them. (Without a results cache, as in CI, vitest would start the largest
 * files first, and these small ones last.)
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => /tests\/engine\/reference[^/]*\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
  }
}

/**
 * `npm test`: everything that needs only Node. The browser tests (tests/browser/, Debian's chromium) run with
 * `npm run test:browser` (vitest.browser.config.ts); CI runs both.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', '**/node_modules/**'],
    // One more worker than cores: several files mostly wait on child processes (the server and CLI tests), and vitest
    // 4's default (one fewer than cores) ran the files one at a time here (207 s).
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: LongestFirst },
    // Test files share their worker's modules (the rule base is loaded once per worker, not once per file): about
    // 30 s less import time. No test file may leave global state behind; each builds its own apps and fixtures.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

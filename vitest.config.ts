/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Suites that build the site, drive a browser, inject faults or run the command-line tools as
 * processes: minutes, not seconds. `npm test` runs them with the rest; `npm run test:unit`
 * (ROLLOUT_TESTS=unit) leaves them out.
 */
const SLOW_SUITES = [
  'tests/e2e/**',
  'tests/build/**',
  'tests/fault/**',
  'tests/adversarial/**',
  'tests/foundation/build.test.ts',
  'tests/site/empty.test.ts',
  'tests/site/pagination.test.ts',
  'tests/site/site.test.ts',
  'tests/site/trust.test.ts',
  'tests/write/canary-build.test.ts',
  'tests/scrapers/browser.test.ts',
  'tests/scrapers/cli.test.ts',
  'tests/scrapers/shared-fixtures.test.ts',
  'tests/scrapers/import.test.ts',
  'tests/extract/cli.test.ts',
  'tests/attachments/cli.test.ts',
];
const unitOnly = process.env['ROLLOUT_TESTS'] === 'unit';

// Astro's Vite config, so tests resolve modules exactly as the site does.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['node_modules/**', ...(unitOnly ? SLOW_SUITES : [])],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds and local servers are heavy on a 2-core machine: run files in a few workers only.
    maxWorkers: 2,
    // A folder per run where suites share one build of each content root (tests/helpers/shared.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});

/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests resolve modules exactly as the site does.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds and local servers are heavy on a 2-core machine: run files in a few workers only.
    maxWorkers: 2,
    // A folder per run where suites share one build of each content root (tests/helpers/shared.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});

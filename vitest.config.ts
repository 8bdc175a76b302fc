// Unit and component tests: Node + happy-dom, a fake `browser`, no crx plugin.
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { guideSteps } from './scripts/lib/guide-steps-plugin.ts';
import { classifierTables } from './scripts/lib/classifier-tables-plugin.ts';

export default defineConfig({
  plugins: [preact(), guideSteps(), classifierTables()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/ui/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    // Property tests run thousands of cases: on a busy 2-core machine 5 s is too close to call.
    testTimeout: 20_000,
  },
});

// End-to-end tests: the built extension in real browsers (Debian's chromium and firefox-esr).
// One file at a time: browsers are heavy on a 2-core machine, and Firefox needs port 443.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});

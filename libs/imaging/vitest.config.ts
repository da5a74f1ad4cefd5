import { defineConfig } from 'vitest/config';

// Test files train a tiny CNN on real images in their setup: give hooks the same room as tests.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
});

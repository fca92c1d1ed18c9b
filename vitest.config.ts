import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-mcp/**/*.test.ts', 'src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-mcp/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // The MCP, CLI and client tests spawn the real built server: build it once, before any file runs.
    globalSetup: ['src-mcp/mcp/test-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

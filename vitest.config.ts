import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src-mcp/**/*.test.ts', 'src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The MCP, CLI and client tests spawn the real built server: build it once, before any file runs.
          globalSetup: ['src-mcp/mcp/test-setup.ts'],
        },
      },
      {
        extends: true,
        // Runes in state/*.svelte.ts compile as the browser does (client runtime), so $derived
        // and $state behave as in the app; the fake bridge stands in for the back end.
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: { name: 'renderer', include: ['src-renderer/**/*.test.ts'] },
      },
    ],
  },
});

import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { fileURLToPath } from 'node:url';

/**
 * The run form shown inside Claude Desktop (an MCP App): one HTML file with every script and style
 * inlined, which the server bundle embeds (scripts/build.mjs) and serves as a `ui://` resource.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src-app', import.meta.url)),
  base: './',
  plugins: [svelte(), viteSingleFile()],
  build: {
    outDir: fileURLToPath(new URL('./dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: fileURLToPath(new URL('./src-app/run-form.html', import.meta.url)) },
    chunkSizeWarningLimit: 1500,
  },
});

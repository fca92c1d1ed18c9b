/**
 * Builds what the e2e sessions serve, from the current sources, into e2e/artifacts/ (gitignored):
 * the renderer with Vite and the CLI with esbuild. Nothing in dist/ is touched.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { ARTIFACTS, CLI_BUNDLE, RENDERER_DIR, repoRoot } from './support/paths.js';

export default async function globalSetup(): Promise<void> {
  const vite = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      RENDERER_DIR,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (vite.status !== 0) throw new Error(`vite build failed (exit ${vite.status})`);
  await build({
    entryPoints: [path.join(repoRoot, 'src-mcp/cli/runbook-bin.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // As in scripts/build.mjs: jsonc-parser's UMD `main` does not bundle; its ESM build does.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    banner: {
      js: "import { createRequire as __rc } from 'node:module'; const require = __rc(import.meta.url);",
    },
    logLevel: 'warning',
  });
  process.stderr.write(`e2e: renderer and CLI built into ${ARTIFACTS}\n`);
}

// Builds every face from its sources: the CLI and the MCP server as self-contained ES modules
// (the MCP entry must be ONE plain JS file that Electron's own Node can run), the Electron main
// and preload as CommonJS, and the renderer with Vite.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);
const quiet = process.argv.includes('--quiet');
const manifest = JSON.parse(readFileSync(at('package.json'), 'utf8'));

// Bundled CommonJS dependencies may call require(); give the ESM bundle one.
const requireShim =
  "import { createRequire as __rcCreateRequire } from 'node:module'; const require = __rcCreateRequire(import.meta.url);";

// [source, output, format, split]. Electron's main process runs ES modules (Electron ≥ 28), so the
// engine's import.meta works there too; a sandboxed preload must stay CommonJS. The CLI is split:
// `runbook search` loads only its own chunks, `runbook mcp` and `serve` load theirs when run. Its
// chunks sit beside dist/cli.js (same depth, so packageRoot() finds the package from either).
const entries = [
  ['src-mcp/cli/runbook-bin.ts', 'dist/cli.js', 'esm', true],
  // The MCP server's program; dist/mcp.js (built after it, below) runs it from a V8 code cache.
  ['src-mcp/cli/mcp-bin.ts', 'dist/mcp-server.cjs', 'cjs'],
  ['src-mcp/bench/main.ts', 'dist/bench.js', 'esm'],
  ['src-mcp/bench/worker.ts', 'dist/bench-worker.js', 'esm'],
  ['src-main/main.ts', 'dist/main/main.mjs', 'esm'],
  ['src-main/preload.ts', 'dist/main/preload.cjs', 'cjs'],
];

/** The MCP App's run form (src-app) as one HTML file, dist/app/run-form.html, read by the server. */
function buildRunForm() {
  if (!existsSync(at('vite.app.config.ts'))) return;
  const vite = spawnSync(
    process.execPath,
    [
      at('node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.app.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}

// zod re-exports all ~50 of its locales (about 400 KB of the MCP bundle, compiled at every start);
// only English is ever configured, so the bundles get a locales module that holds just that one.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? {
            path: path.join(path.dirname(args.importer), '../locales/index.js'),
            namespace: 'zod-en',
          }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

// `runbook search` over an unchanged folder parses no YAML and no schedule. The CLI keeps yaml
// and croner in files of their own, required at their first use (engine/lazy-packages.ts), so a
// start does not even parse them; the single-file bundles keep them inline, run at first use.
const LAZY_PACKAGES = ['yaml', 'croner'];
const lazyPackageFile = (name) => `cli-${name}.cjs`;
const lazyPackageFiles = {
  name: 'lazy-package-files',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) =>
      args.kind === 'require-call'
        ? { path: `./${lazyPackageFile(args.path)}`, external: true }
        : undefined,
    );
  },
};

function bundleLazyPackage(name) {
  return build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root },
    outfile: at(`dist/${lazyPackageFile(name)}`),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  });
}

async function bundle([source, out, format, split], extra = {}) {
  const output = split
    ? {
        entryPoints: { [path.basename(out, '.js')]: at(source) },
        outdir: at(path.dirname(out)),
        splitting: true,
        chunkNames: `${path.basename(out, '.js')}-[name]-[hash]`,
      }
    : { entryPoints: [at(source)], outfile: at(out) };
  await build({
    ...output,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    banner: format === 'esm' ? { js: requireShim } : undefined,
    // Only the Electron entries import electron (the runtime provides it); only the bench, Playwright.
    external: ['electron', 'playwright-core'],
    // jsonc-parser's `main` is a UMD build whose require() esbuild cannot follow; its ESM build bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    define: {
      __RUNBOOK_VERSION__: JSON.stringify(manifest.version),
    },
    plugins: split ? [zodEnglishOnly, lazyPackageFiles] : [zodEnglishOnly],
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    ...(out === MCP_PROGRAM ? programOptions : {}),
    ...extra,
  });
}

const MCP_PROGRAM = 'dist/mcp-server.cjs';
// The engine finds its package and the run form through import.meta.url; in the CommonJS program
// that is its own file. No comments, so the program is ASCII (the loader reads it as latin1, far
// quicker than decoding UTF-8) and a third smaller to read and scan at every start.
const programOptions = {
  minifyWhitespace: true,
  define: {
    __RUNBOOK_VERSION__: JSON.stringify(manifest.version),
    'import.meta.url': '__rcImportMetaUrl',
  },
  banner: { js: "var __rcImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** dist/mcp.js, after the program: the program's hash names its code cache (mcp-loader.ts). */
async function bundleMcpLoader() {
  const program = readFileSync(at(MCP_PROGRAM));
  const wide = program.findIndex((byte) => byte > 0x7f);
  if (wide >= 0) {
    const line = program.subarray(0, wide).toString('latin1').split('\n').length;
    throw new Error(
      `${MCP_PROGRAM}:${line} holds a non-ASCII character, but dist/mcp.js reads the program as ` +
        'latin1: write it as an escape (\\u…) in the source.',
    );
  }
  const id = createHash('sha256').update(program).digest('hex');
  await bundle(['src-mcp/cli/mcp-loader.ts', 'dist/mcp.js', 'esm'], {
    define: {
      __RUNBOOK_VERSION__: JSON.stringify(manifest.version),
      __MCP_SERVER_ID__: JSON.stringify(id),
    },
  });
}

const started = Date.now();
rmSync(at('dist'), { recursive: true, force: true });
buildRunForm();
await Promise.all([
  ...entries.filter(([source]) => existsSync(at(source))).map((e) => bundle(e)),
  ...LAZY_PACKAGES.map(bundleLazyPackage),
]);
await bundleMcpLoader();
if (existsSync(at('vite.config.ts'))) {
  const vite = spawnSync(
    process.execPath,
    [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
if (!quiet) process.stderr.write(`build: dist/ ready in ${Date.now() - started} ms\n`);

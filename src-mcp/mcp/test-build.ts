/**
 * Makes sure `dist/mcp.js` is built from the current sources (the tests drive the real bundle),
 * then hands each test file its own copy, so a rebuild started meanwhile cannot pull it away.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(repoRoot, 'dist', 'mcp.js');
const lock = path.join(os.tmpdir(), 'runbook-companion-mcp-build.lock');

export async function ensureServerBuilt(): Promise<void> {
  if (!(await isStale())) return;
  await withLock(async () => {
    if (!(await isStale())) return;
    try {
      await run(process.execPath, ['scripts/build.mjs', '--quiet'], {
        cwd: repoRoot,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`npm run build failed, so the MCP tests cannot run:\n${stderr}`);
    }
  });
}

/**
 * A private copy of a fresh bundle: `mcp.js` (the server, with its program `mcp-server.cjs`) or
 * `cli.js` (the `runbook` command, with the `cli-*.js` chunks it loads).
 */
export async function builtServerCopy(file: 'mcp.js' | 'cli.js' = 'mcp.js'): Promise<string> {
  await ensureServerBuilt();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rb-mcp-bundle-'));
  const dist = path.join(repoRoot, 'dist');
  // cli.js loads its cli-*.js chunks and cli-*.cjs packages; mcp.js runs its program, mcp-server.cjs.
  const chunks =
    file === 'cli.js'
      ? (await readdir(dist)).filter((f) => /^cli-.*\.c?js$/.test(f))
      : ['mcp-server.cjs'];
  await Promise.all([file, ...chunks].map((f) => copyFile(path.join(dist, f), path.join(dir, f))));
  // The run form's view is read beside the bundle (run-form-resource.ts).
  await mkdir(path.join(dir, 'app'));
  await copyFile(path.join(dist, 'app', 'run-form.html'), path.join(dir, 'app', 'run-form.html'));
  return path.join(dir, file);
}

/** Removes a copy made by builtServerCopy. */
export async function removeServerCopy(copy: string | undefined): Promise<void> {
  if (copy) await rm(path.dirname(copy), { recursive: true, force: true });
}

async function isStale(): Promise<boolean> {
  const built = await stat(bundle).catch(() => undefined);
  if (!built) return true;
  // The run form's view (src-app) is built with the bundle too.
  const sources = Math.max(
    await newestSourceMtime(path.join(repoRoot, 'src-mcp')),
    await newestSourceMtime(path.join(repoRoot, 'src-app')),
  );
  const lockfile =
    (await stat(path.join(repoRoot, 'package-lock.json')).catch(() => undefined))?.mtimeMs ?? 0;
  return Math.max(sources, lockfile) > built.mtimeMs;
}

async function newestSourceMtime(dir: string): Promise<number> {
  const files = (await readdir(dir, { recursive: true }).catch(() => [])).filter(
    (f) => /\.(ts|svelte|css|html)$/.test(f) && !f.endsWith('.test.ts'),
  );
  const times = await Promise.all(
    files.map((f) =>
      stat(path.join(dir, f)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  return Math.max(0, ...times);
}

/** Test files start in parallel: only one of them builds. */
async function withLock(work: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > deadline) await rmdir(lock).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await work();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

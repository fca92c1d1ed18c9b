/**
 * `dist/mcp.js`, the file MCP clients start: runs the server program (`dist/mcp-server.cjs`, one
 * CommonJS bundle beside it) from a V8 code cache kept in the cache folder.
 *
 * Why: compiling the 1.7 MB program was most of every start, and a client starts the server at each
 * launch. Node 20 caches compiled code only for scripts, not ES modules, hence a CommonJS program
 * run through `vm.Script`. Nothing here may write to stdout: it belongs to the protocol.
 */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { indexCacheDir } from '../engine/paths.js';

// The program's SHA-256, inlined by scripts/build.mjs: V8 checks only a cached script's length, so
// the cache's name must change whenever the program does.
declare const __MCP_SERVER_ID__: string;

/** How long the program runs before its compiled code is saved: the start and a first request. */
const SAVE_AFTER_MS = 1500;
const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

const program = fileURLToPath(new URL('./mcp-server.cjs', import.meta.url));
// ASCII by construction (scripts/build.mjs checks it), so latin1: no UTF-8 decoding at each start.
const source = readFileSync(program, 'latin1');
const cacheFile = path.join(
  indexCacheDir(),
  'code',
  `mcp-server-${__MCP_SERVER_ID__.slice(0, 16)}-${process.version}-${process.arch}.v8`,
);
const cached = readCache(cacheFile);
// The wrapper keeps line 1 on line 1, so stack traces point at the program's own lines.
const script = new vm.Script(
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
  { filename: program, cachedData: cached },
);
if (!cached || script.cachedDataRejected) saveOnce(script, cacheFile);
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(
  module.exports,
  createRequire(program),
  module,
  program,
  path.dirname(program),
);

/**
 * Saves after SAVE_AFTER_MS, or at exit if that comes first: a client that asks one question and
 * closes the server (a quick test, a one-off check) must still leave the cache for the next start.
 */
function saveOnce(compiled: vm.Script, file: string): void {
  let saved = false;
  const save = (): void => {
    if (saved) return;
    saved = true;
    saveCache(compiled, file);
  };
  setTimeout(save, SAVE_AFTER_MS).unref();
  process.once('exit', save);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // none yet, or unreadable: compile from source
  }
}

/**
 * Best effort and atomic: a cache that cannot be written only costs the next start its speed.
 * Caches untouched for a month go, so updates do not pile them up; age rather than "every other
 * build", since two installs (or two Node versions) may share the folder and would evict each other.
 */
function saveCache(compiled: vm.Script, file: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const folder = path.dirname(file);
    mkdirSync(folder, { recursive: true });
    const stale = Date.now() - STALE_AFTER_MS;
    for (const name of readdirSync(folder).filter((n) => /^mcp-server-.*\.v8$/.test(n))) {
      const other = path.join(folder, name);
      if (statSync(other).mtimeMs < stale) rmSync(other, { force: true });
    }
    writeFileSync(temp, compiled.createCachedData());
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // a folder we cannot write to: nothing was left in it either
    }
  }
}

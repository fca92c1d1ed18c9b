/**
 * The built CLI loads only what a command needs: the read commands never load the MCP SDK, zod,
 * chokidar or the web host; `mcp`, `serve` and `claude` load their chunks when run. `dist/mcp.js`
 * stays one file (Electron runs it as plain Node from outside the asar).
 */
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy } from '../mcp/test-build.js';
import { makeFolder } from '../test-support/temp-folder.js';

let cli: string;
let mcp: string;

beforeAll(async () => {
  [cli, mcp] = await Promise.all([builtServerCopy('cli.js'), builtServerCopy('mcp.js')]);
}, 180_000);

afterAll(async () => {
  await removeServerCopy(cli);
  await removeServerCopy(mcp);
});

/** The files a module loads before it runs: itself and its static imports, transitively. */
async function staticClosure(file: string, seen = new Map<string, string>()): Promise<string[]> {
  if (seen.has(file)) return [...seen.values()];
  const text = await readFile(file, 'utf8');
  seen.set(file, text);
  for (const match of text.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"(\.\/[^"]+)"/gms))
    await staticClosure(path.resolve(path.dirname(file), match[1]!), seen);
  return [...seen.values()];
}

/** esbuild marks each bundled module with a `// <path>` comment line. */
const HEAVY = [
  { why: 'the MCP SDK', marker: '// node_modules/@modelcontextprotocol/' },
  { why: 'zod schemas', marker: '// node_modules/zod/' },
  { why: 'chokidar', marker: '// node_modules/chokidar/' },
  { why: 'the web host and app API', marker: '// src-mcp/api/' },
  { why: 'the MCP server', marker: '// src-mcp/mcp/' },
  { why: 'the client config writers', marker: '// src-mcp/clients/' },
  { why: 'yaml', marker: '// node_modules/yaml/' },
  { why: 'croner', marker: '// node_modules/croner/' },
];

describe('the split CLI bundle', () => {
  it.each(HEAVY)('does not load $why before a command runs', async ({ marker }) => {
    const loaded = await staticClosure(cli);
    expect(loaded.length).toBeGreaterThan(1);
    expect(loaded.filter((text) => text.includes(marker))).toEqual([]);
  });

  it('still searches, and still serves MCP, from the copied files', async () => {
    const dir = await makeFolder({ 'a.md': '# Restart the cache\n\nredis-cli flushall\n' });
    const env = { PATH: process.env.PATH ?? '', RUNBOOK_COMPANION_DATA: dir };
    const search = spawnSync(process.execPath, [cli, 'search', 'cache', '--dir', dir], {
      encoding: 'utf8',
      env,
    });
    expect([search.status, search.stdout]).toEqual([0, expect.stringContaining('a')]);
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8', env });
    expect(help.stdout).toContain('runbook mcp');
    expect(help.stdout).toContain('runbook claude');
    await rm(dir, { recursive: true });
  });

  it('parses YAML and schedules with the packages beside it, and a warm search loads neither', async () => {
    const dir = await makeFolder({
      'a.md': '---\ntitle: Rotate the keys\nschedule: "0 9 * * 1"\n---\nkubectl rotate\n',
    });
    const env = { PATH: process.env.PATH ?? '', RUNBOOK_COMPANION_DATA: dir, NODE_DEBUG: 'module' };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [cli, ...args, '--dir', dir], { encoding: 'utf8', env });
    const loads = (stderr: string) =>
      ['cli-yaml.cjs', 'cli-croner.cjs'].filter((file) =>
        stderr.includes(`load "${path.join(path.dirname(cli), file)}"`),
      );
    const due = run('due');
    expect([due.status, due.stdout]).toEqual([0, expect.stringContaining('a (0 9 * * 1)')]);
    expect(loads(due.stderr)).toEqual(['cli-yaml.cjs', 'cli-croner.cjs']);
    const search = run('search', 'rotate');
    expect([search.status, search.stdout]).toEqual([0, expect.stringContaining('Rotate the keys')]);
    expect(loads(search.stderr)).toEqual([]);
    await rm(dir, { recursive: true });
  });

  it('keeps dist/mcp.js a loader of one self-contained program beside it', async () => {
    const loader = await readFile(mcp, 'utf8');
    expect(loader).not.toMatch(/from\s*"\.\.?\//);
    expect(loader).not.toMatch(/import\(\s*"\.\.?\//);
    expect(loader).toContain('./mcp-server.cjs');
    const program = await readFile(path.join(path.dirname(mcp), 'mcp-server.cjs'), 'utf8');
    // Only Node's own modules: nothing the packaged app or the .mcpb would have to ship beside it.
    // (`require("ajv/…")` also appears, as text of the standalone code Ajv can generate.)
    const required = [...program.matchAll(/(?<![`'])\brequire\("([^"]+)"\)/g)].map(
      (m) => m[1] ?? '',
    );
    expect(required.filter((name) => !isBuiltin(name))).toEqual([]);
  });
});

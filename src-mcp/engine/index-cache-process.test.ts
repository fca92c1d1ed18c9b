/**
 * The index cache across real `runbook` processes: what one process writes, the next one reads;
 * two at once leave a valid cache; a cache folder that cannot be written costs nothing visible.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtServerCopy, removeServerCopy } from '../mcp/test-build.js';
import { makeFolder, writeFiles } from '../test-support/temp-folder.js';
import { cacheFileOf, cacheWritten } from '../test-support/index-cache.js';
import { decodeIndexCache } from './index-cache.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let cli: string;
let base: string;

beforeAll(async () => {
  cli = await builtServerCopy('cli.js');
  base = await makeFolder({}, 'index-cache-process-');
}, 180_000);

afterAll(async () => {
  await removeServerCopy(cli);
  await fs.rm(base, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

async function folder(name: string): Promise<{ dir: string; cacheDir: string }> {
  const dir = path.join(base, name, 'runbooks');
  await writeFiles(dir, {
    'db/etcd-backup.md': '# Back up etcd\n\nTake an etcd snapshot with etcdctl.\n',
    'web/nginx.md': '# Reload nginx\n\nRun nginx -s reload.\n',
  });
  return { dir, cacheDir: path.join(base, name, 'cache') };
}

function search(query: string, dir: string, cacheDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'search', query, '--dir', dir], {
      env: {
        PATH: process.env.PATH ?? '',
        RUNBOOK_COMPANION_DATA: path.join(dir, '..', 'data'),
        RUNBOOK_COMPANION_CACHE: cacheDir,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('index cache between runbook processes', () => {
  it('sees an edit made between two runs', async () => {
    const { dir, cacheDir } = await folder('edit');
    expect((await search('snapshot', dir, cacheDir)).stdout).toContain('db/etcd-backup');
    await cacheWritten(cacheDir, dir);
    const file = path.join(dir, 'db/etcd-backup.md');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('snapshot', 'backupzz'));
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    const after = await search('backupzz', dir, cacheDir);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('db/etcd-backup');
    expect((await search('snapshot', dir, cacheDir)).stdout).not.toContain('db/etcd-backup');
  });

  it('stays valid when two processes start at once', async () => {
    const { dir, cacheDir } = await folder('two');
    const runs = await Promise.all([1, 2, 3].map(() => search('etcd', dir, cacheDir)));
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('db/etcd-backup');
    }
    const file = cacheFileOf(cacheDir, dir);
    expect(decodeIndexCache(await fs.readFile(file.file), file.key)).toBeDefined();
    expect(await fs.readdir(cacheDir)).toEqual([path.basename(file.file)]);
    expect((await search('nginx', dir, cacheDir)).stdout).toContain('web/nginx');
  });

  it('works, and says nothing, when the cache folder cannot be written', async () => {
    const { dir, cacheDir } = await folder('unwritable');
    await fs.writeFile(cacheDir, 'a file where the cache folder would go');
    const run = await search('etcd', dir, cacheDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('db/etcd-backup');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^runbook: 1 found/)]);
    expect(await fs.readFile(cacheDir, 'utf8')).toBe('a file where the cache folder would go');
  });
});

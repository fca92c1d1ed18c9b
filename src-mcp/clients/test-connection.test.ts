import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, sourceCheckoutLaunch } from './launch.js';
import { testConnection } from './test-connection.js';
import { makeTempDir } from '../test-support/temp-folder.js';

const builtEntry = path.join(findRepoRoot(import.meta.url), 'dist', 'mcp.js');

describe('testConnection', () => {
  it.skipIf(!existsSync(builtEntry))(
    'talks to the real MCP server exactly as configured (skipped until `npm run build` makes dist/mcp.js)',
    async () => {
      const dir = await makeTempDir('clients-conn-');
      await fs.cp(path.join(findRepoRoot(import.meta.url), 'runbooks'), dir, { recursive: true });
      const launch = sourceCheckoutLaunch(dir);
      expect(launch).toEqual({ command: process.execPath, args: [builtEntry, '--dir', dir] });
      // Its index cache in the temp folder, not this machine's user data.
      const report = await testConnection(launch, { env: { ...process.env, HOME: dir } });
      if (!report.ok) throw new Error(`${report.error}\n${report.stderr}`);
      expect(report.serverName).not.toBe('');
      expect(report.tools.length).toBeGreaterThan(0);
      expect(report.prompts.length).toBeGreaterThan(0);
    },
  );

  it('reports a command that does not exist', async () => {
    const report = await testConnection({ command: '/nonexistent/bin/node', args: ['x.js'] });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.error).toMatch(/ENOENT/);
  });

  it('captures the stderr of a server that dies at start', async () => {
    const launch = {
      command: process.execPath,
      args: ['-e', 'console.error("no folder /x"); process.exit(3)'],
    };
    const report = await testConnection(launch);
    expect(report).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the server exited before answering/),
    });
    expect(report.stderr).toContain('no folder /x');
  });

  it('gives up on a server that never answers', async () => {
    const launch = { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] };
    const report = await testConnection(launch, { timeoutMs: 500 });
    expect(report).toMatchObject({ ok: false, error: 'no answer within 0.5 s' });
  });

  it('starts the server with a desktop-like PATH, not the shell one', async () => {
    const script =
      'process.stderr.write("PATH=" + process.env.PATH + " RUN=" + process.env.RUN); process.exit(1)';
    const report = await testConnection({
      command: process.execPath,
      args: ['-e', script],
      env: { RUN: 'yes' },
    });
    expect(report.stderr).toBe(
      process.platform === 'win32'
        ? expect.any(String)
        : 'PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin RUN=yes',
    );
  });
});

/** A config nothing will write: status shows it, install refuses it, the CLI reports it as it was. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configStatus } from './config-status.js';
import { install } from './install.js';
import { unreadableConfigError } from './unreadable-config.js';
import { expectFolderUnchanged, snapshotFolder } from '../test-support/folder-snapshot.js';
import { makeTempDir } from '../test-support/temp-folder.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

const cases: { why: string; bytes: Buffer; code: string; key?: string }[] = [
  {
    why: 'JSON cut short: the place of the error is kept',
    bytes: Buffer.from('{\n  "mcpServers": {\n}'),
    code: 'invalid-json',
  },
  {
    why: 'comments, which Claude Desktop does not read: keyed jsonc, so install can show the entry',
    bytes: Buffer.from('{ /* mine */ "mcpServers": {} }'),
    code: 'invalid-json',
    key: 'jsonc',
  },
  {
    why: 'UTF-16 text: its own code, not "invalid JSON"',
    bytes: Buffer.from('\uFEFF{"mcpServers":{}}', 'utf16le'),
    code: 'invalid-encoding',
  },
  {
    why: 'two server maps: editing one would be a guess',
    bytes: Buffer.from('{"mcpServers":{},"mcpServers":{}}'),
    code: 'invalid-json',
    key: 'mcpServers',
  },
];

describe('a config that cannot be read', () => {
  it.each(cases)('$why', async ({ bytes, code, key }) => {
    const dir = await makeTempDir('clients-unreadable-');
    const file = path.join(dir, 'claude_desktop_config.json');
    await fs.writeFile(file, bytes);
    const before = await snapshotFolder(dir);

    const status = await configStatus({ configPath: file });
    expect(status.state).toBe('invalid');
    const reported = unreadableConfigError(status.error, status.configPath);
    expect(reported).toMatchObject({ code, file, key, line: status.error?.line });

    const launch = { command: process.execPath, args: [path.join(dir, 'mcp.js')] };
    const refused = await rejectedRunbookError(install({ configPath: file, launch }));
    expect(refused.code).toBe(code);
    if (key === 'jsonc') expect(refused.fix).toContain(JSON.stringify(process.execPath));
    await expectFolderUnchanged(dir, before);
  });
});

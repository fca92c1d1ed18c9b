/**
 * Hostile and careless config files: install then uninstall must change no byte outside our
 * entry, and a refusal must leave the file byte-identical with nothing else in its folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../test-support/temp-folder.js';
import type { ClientId } from './client-spec.js';
import { clientSpec } from './clients.js';
import { install, uninstall } from './install.js';
import type { ServerLaunch } from './launch.js';
import { snapshotFolder } from '../test-support/folder-snapshot.js';
import { rejectedRunbookError } from '../test-support/thrown.js';

const now = new Date('2026-11-25T11:05:33.123Z');
const pretty = (servers: string, extra = ''): string =>
  `{\n  "globalShortcut": "",${extra}\n  "mcpServers": {${servers}}\n}\n`;
const github = '\n    "github": { "command": "/usr/bin/gh", "args": [] }\n  ';

type Outcome =
  /** uninstall(install(x)) === x, byte for byte. */
  | 'round-trip'
  /** The same, except that an empty server map was added where the file had none. */
  | 'map-added'
  | { refused: RegExp };

interface Row {
  why: string;
  text: string | Buffer;
  client?: ClientId;
  outcome: Outcome;
  /** Text that must still be in the file after install (literals JSON.parse would change). */
  keeps?: string[];
}

const bigFile = (): string => {
  const blob = Array.from({ length: 60_000 }, (_, i) => `"k${i}": ${i}.0`).join(', ');
  return pretty(github, `\n  "blob": {${blob}, "pad": "${'x'.repeat(4_000_000)}"},`);
};

const rows: Row[] = [
  { why: 'what Claude Desktop writes', text: pretty(github), outcome: 'round-trip' },
  { why: 'a BOM', text: `\uFEFF${pretty(github)}`, outcome: 'round-trip' },
  { why: 'CRLF line ends', text: pretty(github).replaceAll('\n', '\r\n'), outcome: 'round-trip' },
  { why: 'tabs', text: pretty(github).replaceAll('  ', '\t'), outcome: 'round-trip' },
  {
    why: 'a one-line (minified) file',
    text: '{"a":1,"mcpServers":{"x":{"command":"/x"}}}',
    outcome: 'round-trip',
  },
  { why: 'an empty server map', text: pretty(''), outcome: 'round-trip' },
  { why: 'no server map', text: '{\n  "globalShortcut": ""\n}\n', outcome: 'map-added' },
  { why: 'an empty object', text: '{}', outcome: 'map-added' },
  { why: 'an empty file', text: '', outcome: 'map-added' },
  { why: 'a whitespace-only file', text: ' \n\n', outcome: 'map-added' },
  {
    why: 'numbers JSON.parse would change',
    text: pretty(github, '\n  "n": [12345678901234567890, 1e400, -0, 1.0, 1E5, 0.1e-7],'),
    outcome: 'round-trip',
    keeps: ['12345678901234567890', '1e400', '-0', '1.0', '1E5', '0.1e-7'],
  },
  {
    why: 'duplicate keys outside the server map',
    text: pretty(github, '\n  "p": {"a": 1, "a": 2},'),
    outcome: 'round-trip',
    keeps: ['{"a": 1, "a": 2}'],
  },
  {
    why: 'numeric keys in written order',
    text: pretty(github, '\n  "o": {"2": "b", "1": "a"},'),
    outcome: 'round-trip',
    keeps: ['{"2": "b", "1": "a"}'],
  },
  {
    why: 'escapes JSON.stringify would write differently',
    text: pretty(github, '\n  "s": "caf\\u00e9 a\\/b \\ud83d\\ude00",'),
    outcome: 'round-trip',
    keeps: ['caf\\u00e9 a\\/b \\ud83d\\ude00'],
  },
  {
    why: 'a __proto__ server name',
    text: pretty('\n    "__proto__": { "command": "/x" }\n  '),
    outcome: 'round-trip',
  },
  {
    why: 'JSONC comments and trailing commas (VS Code)',
    text: '{\n\t// mine\n\t"servers": {\n\t\t"a": { "url": "x" }, // about a\n\t\t/* b */ "b": { "url": "y" },\n\t},\n}\n',
    client: 'vscode',
    outcome: 'round-trip',
  },
  { why: 'a 5 MB file', text: bigFile(), outcome: 'round-trip' },
  {
    why: 'a comment in Claude Desktop (strict JSON)',
    text: '{\n  // x\n  "mcpServers": {}\n}\n',
    outcome: { refused: /:2:3: The file has comments/ },
  },
  { why: 'top level null', text: 'null', outcome: { refused: /top level is null/ } },
  { why: 'top level array', text: '[{"mcpServers": {}}]', outcome: { refused: /an array/ } },
  {
    why: 'servers is a string',
    text: '{"mcpServers": "x"}',
    outcome: { refused: /not an object of servers/ },
  },
  {
    why: 'servers is an array',
    text: '{"mcpServers": []}',
    outcome: { refused: /not an object of servers/ },
  },
  {
    why: 'servers is null',
    text: '{"mcpServers": null}',
    outcome: { refused: /not an object of servers/ },
  },
  {
    why: 'two server maps: which one the client reads is a guess',
    text: '{\n  "mcpServers": {},\n  "mcpServers": {}\n}\n',
    outcome: { refused: /:3:3: The file has "mcpServers" twice/ },
  },
  {
    why: 'our name twice',
    text: pretty('\n    "runbook": { "command": "/a" },\n    "runbook": { "command": "/b" }\n  '),
    outcome: { refused: /"runbook" appears 2 times/ },
  },
  {
    why: 'a missing comma',
    text: '{\n  "a": 1\n  "b": 2\n}',
    outcome: { refused: /:3:3: .*expected ","/ },
  },
  {
    why: 'an unterminated string',
    text: '{\n  "a": "x',
    outcome: { refused: /:2:8: .*unterminated/ },
  },
  {
    why: 'text after the object',
    text: '{}\n}',
    outcome: { refused: /:2:1: .*after the JSON value/ },
  },
  { why: 'an unquoted key', text: '{\n  a: 1\n}', outcome: { refused: /:2:3: / } },
  { why: 'NaN', text: '{"a": NaN}', outcome: { refused: /:1:7: / } },
  { why: 'a truncated file', text: '{\n  "mcpServers": {\n', outcome: { refused: /:3:1: / } },
  {
    why: 'nesting deeper than the parser recurses',
    text: `{"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    outcome: { refused: /nested too deeply/ },
  },
  {
    why: 'bytes that are not UTF-8',
    text: Buffer.from([...Buffer.from('{"a": "'), 0xff, 0xfe, ...Buffer.from('"}')]),
    outcome: { refused: /not UTF-8/ },
  },
  {
    why: 'UTF-16 with a BOM',
    text: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"mcpServers": {}}', 'utf16le')]),
    outcome: { refused: /UTF-16/ },
  },
  {
    why: 'UTF-16 without a BOM',
    text: Buffer.from('{"mcpServers": {}}', 'utf16le'),
    outcome: { refused: /UTF-16/ },
  },
];

async function launchIn(): Promise<ServerLaunch> {
  const app = await makeFolder({ 'dist/mcp.js': '' }, 'hostile-app-');
  return { command: process.execPath, args: [path.join(app, 'dist', 'mcp.js'), '--dir', app] };
}

/** The only difference between `original` and `text` is one inserted empty server map. */
function onlyAddedEmptyMap(original: string, text: string, key: string): boolean {
  let start = 0;
  while (start < original.length && original[start] === text[start]) start++;
  let end = 0;
  while (
    end < original.length - start &&
    original[original.length - 1 - end] === text[text.length - 1 - end]
  )
    end++;
  const removed = original.slice(start, original.length - end);
  const added = text.slice(start, text.length - end);
  return (
    removed.trim() === '' && new RegExp(`^\\{?\\s*,?\\s*"${key}": \\{\\}\\s*\\}?\\s*$`).test(added)
  );
}

describe('hostile config files', () => {
  it.each(rows)(
    '$why',
    { timeout: 60_000 },
    async ({ text, client = 'claude', outcome, keeps = [] }) => {
      const dir = await makeFolder({ 'config.json': text }, 'hostile-config-');
      const file = path.join(dir, 'config.json');
      const original = await fs.readFile(file);
      const before = await snapshotFolder(dir);
      const launch = await launchIn();
      const target = { configPath: file, client, now };

      if (typeof outcome === 'object') {
        const error = await rejectedRunbookError(install({ ...target, launch }));
        expect(error.describe()).toMatch(outcome.refused);
        expect(await snapshotFolder(dir)).toEqual(before);
        return;
      }

      const installed = await install({ ...target, launch });
      expect(installed.written).toBe(true);
      const spec = clientSpec(client);
      const errors: unknown[] = [];
      const parsed = parseJsonc(installed.after.replace(/^\uFEFF/, ''), errors as never[], {
        allowTrailingComma: true,
      }) as Record<string, Record<string, unknown>>;
      expect(errors).toEqual([]);
      expect(parsed[spec.serversKey]?.runbook).toEqual(spec.entryFor(launch));
      for (const literal of keeps) expect(installed.after).toContain(literal);
      expect((await fs.readFile(installed.backupPath ?? '')).equals(original)).toBe(true);

      const removed = await uninstall(target);
      const after = await fs.readFile(file, 'utf8');
      if (outcome === 'round-trip') expect(Buffer.from(after).equals(original)).toBe(true);
      else expect(onlyAddedEmptyMap(original.toString('utf8'), after, spec.serversKey)).toBe(true);
      const names = Object.keys(await snapshotFolder(dir));
      expect(names).toEqual(
        [
          'config.json',
          path.basename(installed.backupPath ?? ''),
          path.basename(removed.backupPath ?? ''),
        ].sort(),
      );
    },
  );
});

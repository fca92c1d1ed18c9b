// `npm run pack:mcpb`: builds dist/runbook-companion.mcpb, the Claude Desktop extension installed
// with a double click. The bundle holds mcpb/manifest.json (with package.json's version and the
// tools the built server really offers), the one-file server (dist/mcp.js) and its run form (dist/app/run-form.html)
// and the app icon: no node_modules, Claude Desktop runs it on its own Node.
//   --out FILE     write the bundle there instead
//   --server FILE  pack this built server instead of building dist/mcp.js (tests pass a copy)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);
const { values } = parseArgs({
  options: { out: { type: 'string' }, server: { type: 'string' } },
});
const out = path.resolve(values.out ?? at('dist/runbook-companion.mcpb'));

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`pack:mcpb: ${what} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

/** The tools as the server lists them, so the install dialog never drifts from the code. */
async function listTools(serverFile, scratch) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [serverFile, `--dir=${at('runbooks')}`, '--no-watch'],
    env: { RUNBOOK_COMPANION_DATA: scratch, RUNBOOK_COMPANION_CACHE: scratch },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'pack-mcpb', version: '1.0.0' });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    return tools.map((tool) => ({ name: tool.name, description: firstSentence(tool.description) }));
  } finally {
    await client.close();
  }
}

function firstSentence(text = '') {
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

if (!values.server) run(['scripts/build.mjs', '--quiet'], 'the build');
const serverFile = path.resolve(values.server ?? at('dist/mcp.js'));
const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
const stage = mkdtempSync(path.join(os.tmpdir(), 'runbook-mcpb-'));
try {
  mkdirSync(path.join(stage, 'server'));
  copyFileSync(serverFile, path.join(stage, 'server', 'mcp.js'));
  // mcp.js runs its program beside it (src-mcp/cli/mcp-loader.ts).
  copyFileSync(
    path.join(path.dirname(serverFile), 'mcp-server.cjs'),
    path.join(stage, 'server', 'mcp-server.cjs'),
  );
  // The run form's view, read beside the server (src-mcp/mcp/run-form-resource.ts).
  mkdirSync(path.join(stage, 'server', 'app'));
  copyFileSync(
    path.join(path.dirname(serverFile), 'app', 'run-form.html'),
    path.join(stage, 'server', 'app', 'run-form.html'),
  );
  // The server is an ES module: Node decides that from the nearest package.json.
  writeFileSync(path.join(stage, 'server', 'package.json'), '{ "type": "module" }\n');
  copyFileSync(at('assets/icon.png'), path.join(stage, 'icon.png'));
  const { $schema: _schema, ...manifest } = JSON.parse(
    readFileSync(at('mcpb/manifest.json'), 'utf8'),
  );
  const scratch = path.join(stage, '.scratch');
  const tools = await listTools(path.join(stage, 'server', 'mcp.js'), scratch);
  rmSync(scratch, { recursive: true, force: true });
  const staged = { ...manifest, version: pkg.version, tools };
  writeFileSync(path.join(stage, 'manifest.json'), `${JSON.stringify(staged, null, 2)}\n`);
  mkdirSync(path.dirname(out), { recursive: true });
  const cli = at('node_modules/@anthropic-ai/mcpb/dist/cli/cli.js');
  run([cli, 'validate', path.join(stage, 'manifest.json')], 'mcpb validate');
  run([cli, 'pack', stage, out], 'mcpb pack');
  process.stderr.write(`pack:mcpb: ${path.relative(process.cwd(), out) || out} ready\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/**
 * The MCP server's program, `dist/mcp-server.cjs`, which `dist/mcp.js` (mcp-loader.ts) runs from a
 * code cache; any Node (or Electron's, as Node) can run it. Same options and behaviour as
 * `runbook mcp`; only protocol on stdout.
 */
import { parseArgs } from 'node:util';
import { mcpCommand } from './mcp-command.js';
import { reportError, USER_ERROR } from './report.js';
import type { CliIo } from './command.js';

const io: CliIo = {
  // stdout belongs to the protocol: anything a command would print goes to stderr instead.
  stdout: (text) => process.stderr.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
};

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: mcpCommand.options,
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    io.stderr(`runbook mcp: ${(error as Error).message}\nUsage: ${mcpCommand.usage}\n`);
    return USER_ERROR;
  }
  try {
    return await mcpCommand.run({ positionals: parsed.positionals, values: parsed.values, io });
  } catch (error) {
    return reportError(error, io);
  }
}

// No top-level await: the program is CommonJS, run by dist/mcp.js from a code cache.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

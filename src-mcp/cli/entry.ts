import { runCli } from './main.js';

// The `runbook` bin: everything else lives in main.ts so tests can run commands in-process.
process.exitCode = await runCli(process.argv.slice(2));

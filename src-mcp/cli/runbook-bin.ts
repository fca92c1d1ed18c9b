import { runCli } from './runbook-cli.js';

// `runbook list | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// The `runbook` bin: everything else lives in runbook-cli.ts so tests can run commands in-process.
process.exitCode = await runCli(process.argv.slice(2));

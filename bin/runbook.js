#!/usr/bin/env node
// The package's bin. `npm install` builds dist/ in `prepare`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(
    'runbook: dist/cli.js is missing; run `npm run build` in the project folder.\n',
  );
  process.exit(2);
}
await import(built);

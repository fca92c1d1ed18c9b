import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './paths.js';

// Inlined into the bundles by scripts/build.mjs: a packaged app's unpacked MCP entry has no
// package.json beside it. Tests run the sources, which read it.
declare const __RUNBOOK_VERSION__: string | undefined;

/** This program's version (package.json), or 'unknown'. */
export function appVersion(): string {
  if (typeof __RUNBOOK_VERSION__ === 'string') return __RUNBOOK_VERSION__;
  try {
    const manifest = readFileSync(path.join(packageRoot(), 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

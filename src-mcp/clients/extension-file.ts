import { statSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from './launch.js';

/** What `npm run pack:mcpb` builds and the packaged app ships beside its resources. */
export const EXTENSION_FILE_NAME = 'runbook-companion.mcpb';

/** The first of `candidates` that is a file: the Claude Desktop extension to offer, if any. */
export function findExtensionFile(candidates: readonly string[]): string | undefined {
  return candidates.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
}

/** In a source checkout: the extension `npm run pack:mcpb` left in `dist/`. */
export function checkoutExtensionFile(): string | undefined {
  return findExtensionFile([path.join(findRepoRoot(import.meta.url), 'dist', EXTENSION_FILE_NAME)]);
}

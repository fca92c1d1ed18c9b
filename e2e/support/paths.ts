import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = path.join(repoRoot, 'e2e', 'artifacts');
export const RENDERER_DIR = path.join(ARTIFACTS, 'renderer');
export const CLI_BUNDLE = path.join(ARTIFACTS, 'cli.js');
export const SCREENSHOTS_DIR = path.join(repoRoot, 'docs', 'screenshots');

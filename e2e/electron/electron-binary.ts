/**
 * Whether an Electron binary is installed, found WITHOUT `require('electron')` (which would try
 * to download it): the tray-app tests run only where one exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function installedElectron(): string | undefined {
  const pkg = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative) : path.join(pkg, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

export const SKIP_REASON = 'skipped: Electron binary not available';

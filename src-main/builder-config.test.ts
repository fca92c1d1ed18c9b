import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface BuilderConfig {
  productName?: string;
  files?: string[];
  asarUnpack?: string[];
  extraResources?: { from: string; to: string }[];
  electronFuses?: { runAsNode?: boolean };
  mac?: { target?: string[] };
  win?: { target?: string[] };
  linux?: { target?: string[] };
}

/** electron-builder's own schema check, offline (the same one `electron-builder` runs first). */
async function validateWithElectronBuilder(config: unknown): Promise<void> {
  const fromBuilder = createRequire(resolveFromRoot('electron-builder/package.json'));
  const load = async (id: string) =>
    (await import(pathToFileURL(fromBuilder.resolve(id)).href)) as Record<string, unknown>;
  const { validateConfiguration } = (await load('app-builder-lib/out/util/config/config.js')) as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = (await load('builder-util/out/DebugLogger.js')) as {
    DebugLogger: new (enabled: boolean) => unknown;
  };
  await validateConfiguration(config, new DebugLogger(false));
}

function resolveFromRoot(id: string): string {
  return createRequire(path.join(root, 'package.json')).resolve(id);
}

async function pngSize(file: string): Promise<[number, number]> {
  const bytes = await fs.readFile(path.join(root, file));
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    const config = parse(
      await fs.readFile(path.join(root, 'electron-builder.yml'), 'utf8'),
    ) as unknown;
    await expect(validateWithElectronBuilder(config)).resolves.toBeUndefined();
  });

  it('rejects a misspelt option (so the check above can fail)', async () => {
    await expect(validateWithElectronBuilder({ mac: { targte: ['dmg'] } })).rejects.toThrow(
      /configuration/,
    );
  });

  it('keeps the MCP entry runnable by Claude Desktop and ships the default runbooks', async () => {
    const config = parse(
      await fs.readFile(path.join(root, 'electron-builder.yml'), 'utf8'),
    ) as BuilderConfig;
    expect(config.productName).toBe('Runbook Companion');
    expect(config.asarUnpack).toContain('dist/mcp.js');
    // mcp.js runs its program beside it, so both leave the asar.
    expect(config.asarUnpack).toContain('dist/mcp-server.cjs');
    // The run form's view, read beside dist/mcp.js by plain Node (no asar).
    expect(config.asarUnpack).toContain('dist/app/**');
    // esbuild bundles every dependency: shipping node_modules too would add ~13 MB for nothing.
    expect(config.files).toContain('!node_modules/**/*');
    expect(config.files).toEqual(
      expect.arrayContaining([
        'dist/main/**',
        'dist/renderer/**',
        'dist/mcp.js',
        'dist/mcp-server.cjs',
      ]),
    );
    expect(config.electronFuses?.runAsNode).toBe(true);
    expect(config.extraResources).toContainEqual({ from: 'runbooks', to: 'runbooks' });
    // The Claude page offers it (packaged-launch.ts appExtensionFile).
    expect(config.extraResources).toContainEqual({
      from: 'dist/runbook-companion.mcpb',
      to: 'runbook-companion.mcpb',
    });
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it.each([
    ['assets/icon.png', 512, 'the app icon every platform is built from'],
    ['assets/trayTemplate.png', 16, 'macOS menu bar, 1×'],
    ['assets/trayTemplate@2x.png', 32, 'macOS menu bar, Retina'],
    ['assets/tray.png', 32, 'Windows and Linux trays'],
    ['assets/tray@2x.png', 64, 'high-DPI Windows and Linux trays'],
  ])('%s is a %i px square PNG (%s)', async (file, size, _why) => {
    expect(await pngSize(file)).toEqual([size, size]);
  });
});

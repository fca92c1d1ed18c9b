/**
 * yaml and croner, loaded at their first use. `runbook search` and the MCP server's first answer,
 * over an unchanged folder, parse no YAML and no schedule; evaluating yaml (250 KB) and croner was
 * a fixed cost of every start.
 *
 * The literal `require(…)` calls are for esbuild: it bundles each package behind a wrapper that
 * runs at the first call (the CLI keeps them in files of their own: scripts/build.mjs). Vitest
 * gives the sources a `require` too; where nothing does (the sources as ES modules, as Playwright
 * runs them), Node's own loads the package.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
type Croner = typeof import('croner');

let yaml: Yaml | undefined;
let croner: Croner | undefined;

const hasRequire = typeof require === 'function';

export function yamlPackage(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (above)
  yaml ??= (hasRequire ? require('yaml') : unbundled('yaml')) as Yaml;
  return yaml;
}

export function cronerPackage(): Croner {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (above)
  croner ??= (hasRequire ? require('croner') : unbundled('croner')) as Croner;
  return croner;
}

function unbundled(name: string): unknown {
  return createRequire(import.meta.url)(name);
}

/**
 * yaml and croner, loaded at their first use. `runbook search` and the MCP server's first answer,
 * over an unchanged folder, parse no YAML and no schedule; evaluating yaml (250 KB) and croner was
 * a fixed cost of every start.
 *
 * This `require` is esbuild's: it bundles each package behind a wrapper that runs at the first
 * call (the CLI keeps yaml in a file of its own: scripts/build.mjs). Vitest runs the sources with a
 * `require` of its own.
 */
type Yaml = typeof import('yaml');
type Croner = typeof import('croner');

let yaml: Yaml | undefined;
let croner: Croner | undefined;

export function yamlPackage(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (above)
  yaml ??= require('yaml') as Yaml;
  return yaml;
}

export function cronerPackage(): Croner {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (above)
  croner ??= require('croner') as Croner;
  return croner;
}

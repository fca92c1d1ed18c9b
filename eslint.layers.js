// The layering (README, Architecture) as lint rules: a wrong import fails `npm run lint`.
// Patterns are regular expressions over the import string as written (relative paths included).

const sdk = { regex: '^@modelcontextprotocol/', message: 'Only src-mcp/mcp/ speaks MCP.' };
const electron = {
  regex: '^electron(/|$)',
  message: 'Only src-main/ (the tray app) imports Electron.',
};
const trayApp = {
  regex: '(^|/)src-main/',
  message: 'src-main/ (the tray app) sits above this face; nothing here imports it.',
};
const renderer = {
  regex: '(^|/)src-renderer/',
  message: 'The UI talks to this code through the app API (contract.ts), never the other way.',
};
const cli = {
  regex: '^\\.\\./cli/',
  message: 'cli/ starts the MCP server and sits above it; mcp/ never imports cli/.',
};
const mcp = {
  regex: '^\\.\\./mcp/',
  message: 'What api/ and mcp/ share belongs in the engine (as engine/run-prompt-text.ts).',
};
const faces = {
  regex: '^\\.\\./(api|mcp|cli|clients)/',
  message: 'The engine sits below every face (api/, mcp/, cli/, clients/) and imports none.',
};

/**
 * The UI runs in a browser: from src-mcp/ it takes types (`import type`) and these pure modules
 * only, which import nothing but types themselves.
 */
const rendererValueModules = [
  'engine/template-scan',
  'engine/env-lookup',
  'engine/folder-tree',
  'engine/limits',
  'engine/yaml-bounds',
  'api/channels',
];
const engineValues = {
  regex: `(^|/)src-mcp/(?!(${rendererValueModules.join('|')})\\.js$)`,
  allowTypeImports: true,
  message: `The UI imports only types from src-mcp/, plus ${rendererValueModules.join(', ')}; call the rest through lib/api.ts.`,
};

const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export const layerRules = [
  {
    files: ['src-mcp/engine/**/*.ts'],
    // These tests drive the engine through the real faces (the built MCP server, the CLI, the app API).
    ignores: ['src-mcp/engine/legacy-logs.test.ts', 'src-mcp/engine/index-cache-process.test.ts'],
    rules: restrict(sdk, electron, faces, trayApp, renderer),
  },
  { files: ['src-mcp/mcp/**/*.ts', 'src-mcp/cli/**/*.ts'], rules: restrict(electron, trayApp) },
  // Tests may cross between faces (receipts.test.ts checks a run through both MCP and the CLI).
  {
    files: ['src-mcp/mcp/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(electron, trayApp, cli),
  },
  {
    files: ['src-mcp/api/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(renderer, mcp),
  },
  { files: ['src-mcp/api/**/*.test.ts'], rules: restrict(renderer) },
  {
    files: ['src-renderer/**/*.{ts,svelte}', 'src-app/**/*.{ts,svelte}'],
    // Tests run under Node and check the UI against the real back end: front-matter-form.test.ts
    // against the engine's parser, test-support/fake-bridge.ts against the contract's schemas.
    ignores: ['**/*.test.ts', 'src-renderer/test-support/**'],
    rules: restrict(engineValues),
  },
];

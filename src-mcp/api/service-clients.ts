/** The Claude Desktop page's calls, over the config writers in src-mcp/clients/. */
import type { ClientId } from '../clients/client-spec.js';
import { clientSpec, clientSpecs } from '../clients/clients.js';
import type { ConfigTarget } from '../clients/config-model.js';
import { configStatus } from '../clients/config-status.js';
import { install, planInstall, planUninstall, uninstall } from '../clients/install.js';
import { launchFromEntry, type ServerLaunch } from '../clients/launch.js';
import type { PlatformContext } from '../clients/platform.js';
import { QUIT_CLAUDE_FIRST, detectRunningClaudeDesktop } from '../clients/running-client.js';
import { testConnection } from '../clients/test-connection.js';
import type { ApiHandlers, ApiParsedArgs, ClientOverview } from './contract.js';

export interface ClientDeps {
  /** How a client should start the MCP server for this folder (source checkout or packaged app). */
  launch(): ServerLaunch;
  /** Config files to use instead of the clients' usual ones (`--claude-config`, tests). */
  configPaths?: Partial<Record<ClientId, string>>;
  /** Where home and the config folders are; tests point it at a temp folder. */
  platform?: PlatformContext;
  /** Whether Claude Desktop runs now; injectable so tests do not depend on the machine. */
  detectRunning?: () => Promise<boolean | undefined>;
  testTimeoutMs?: number;
  /** The Claude Desktop extension file to offer (see extension-file.ts), if there is one. */
  extensionFile?: () => string | undefined;
}

type ClientHandlers = Pick<
  ApiHandlers,
  'clientsOverview' | 'clientPlan' | 'clientApply' | 'clientTest'
>;
type ChangeArgs = ApiParsedArgs<'clientPlan'>;

export function clientHandlers(deps: ClientDeps): ClientHandlers {
  const target = (client: ClientId, name?: string): ConfigTarget => ({
    client,
    configPath: deps.configPaths?.[client],
    platform: deps.platform,
    name,
  });
  const detect = deps.detectRunning ?? (() => detectRunningClaudeDesktop());
  const plan = (args: ChangeArgs) =>
    args.action === 'install'
      ? planInstall({
          ...target(args.client, args.name),
          launch: deps.launch(),
          replaceLegacy: args.replaceLegacy,
          force: args.force,
        })
      : planUninstall({ ...target(args.client, args.name), launch: deps.launch() });

  return {
    clientsOverview: async () => {
      const ids = Object.keys(clientSpecs) as ClientId[];
      return Promise.all(ids.map((id) => overview(id)));
    },
    clientPlan: plan,
    clientApply: async (args) => {
      const options = { ...target(args.client, args.name), expectedBefore: args.expectedBefore };
      return args.action === 'install'
        ? install({
            ...options,
            launch: deps.launch(),
            replaceLegacy: args.replaceLegacy,
            force: args.force,
          })
        : uninstall({ ...options, launch: deps.launch() });
    },
    clientTest: async ({ client }) => {
      const status = await configStatus(target(client));
      const theirs = status.state === 'legacy' || status.state === 'foreign';
      const configured = theirs ? undefined : launchFromEntry(status.current);
      const launch = configured ?? deps.launch();
      // The desktop's variables (HOME, USER, …) from the platform the config is for: a test's
      // temp home then holds what the server writes, not this machine's user data.
      const env = deps.platform && { HOME: deps.platform.homedir, ...deps.platform.env };
      const report = await testConnection(launch, { timeoutMs: deps.testTimeoutMs, env });
      return { ...report, launch, configured: configured !== undefined };
    },
  };

  async function overview(client: ClientId): Promise<ClientOverview> {
    const launch = deps.launch();
    const status = await configStatus({ ...target(client), launch });
    const running = client === 'claude' ? await detect() : undefined;
    return {
      status,
      launch,
      running,
      runningWarning: running ? QUIT_CLAUDE_FIRST : undefined,
      restartHint: clientSpec(client).restartHint,
      extensionFile: client === 'claude' ? deps.extensionFile?.() : undefined,
    };
  }
}

import type {
  AppApi,
  ClientOverview,
  ClientTestResult,
  ConfigChangePlan,
} from '../../src-mcp/api/contract.js';
import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import { api as appApi } from '../lib/api.js';
import { toErrorDetail } from '../lib/api-error.js';
import { notices } from './notices.svelte.js';

/** The Claude & clients page: every client's config status, read again after each write. */
export class ClientList {
  clients = $state<ClientOverview[] | undefined>(undefined);
  error = $state<SerializedRunbookError | undefined>(undefined);
  private readonly api: AppApi;

  constructor(api: AppApi = appApi) {
    this.api = api;
  }

  async load(): Promise<void> {
    try {
      this.clients = await this.api.clientsOverview();
      this.error = undefined;
    } catch (caught) {
      this.error = toErrorDetail(caught);
    }
  }
}

type Action = 'install' | 'uninstall';
type ClientId = ClientOverview['status']['client'];

/**
 * One client's card: the change it would write (shown as a diff first), the write itself against
 * the text the user reviewed, and the connection test. `onChanged` reloads the statuses.
 */
export class ClientSetup {
  plan = $state<ConfigChangePlan | undefined>(undefined);
  replaceLegacy = $state(false);
  /** Where to install when our usual name runs another program. */
  otherName = $state('runbook-companion');
  busy = $state(false);
  error = $state<SerializedRunbookError | undefined>(undefined);
  test = $state<ClientTestResult | undefined>(undefined);
  testing = $state(false);
  /** The last write, kept on the card: where the backup of the file went. */
  lastWrite = $state<{ action: Action; backupPath?: string } | undefined>(undefined);
  private readonly client: ClientId;
  private readonly onChanged: () => Promise<void>;
  private readonly api: AppApi;

  constructor(client: ClientId, onChanged: () => Promise<void>, api: AppApi = appApi) {
    this.client = client;
    this.onChanged = onChanged;
    this.api = api;
  }

  /** Asks what `action` would write; nothing is written yet. */
  async preview(action: Action, name?: string): Promise<void> {
    this.error = undefined;
    try {
      const { client, replaceLegacy } = this;
      this.plan = await this.api.clientPlan({ client, action, replaceLegacy, name });
    } catch (caught) {
      this.error = toErrorDetail(caught);
    }
  }

  cancel(): void {
    this.plan = undefined;
  }

  /** Writes the plan on screen, refused if the file changed since it was shown. */
  async apply(): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    this.busy = true;
    try {
      const action: Action = plan.action === 'remove' ? 'uninstall' : 'install';
      const result = await this.api.clientApply({
        client: this.client,
        action,
        replaceLegacy: this.replaceLegacy,
        name: plan.name,
        expectedBefore: plan.before,
      });
      this.plan = undefined;
      if (result.written) this.lastWrite = { action, backupPath: result.backupPath };
      notices.success(
        result.written
          ? `${result.label}: ${action === 'install' ? 'installed' : 'removed'}. ${result.restartHint}`
          : 'Nothing to change.',
      );
      await this.onChanged();
    } catch (caught) {
      this.error = toErrorDetail(caught);
    } finally {
      this.busy = false;
    }
  }

  async runTest(): Promise<void> {
    this.testing = true;
    this.test = undefined;
    try {
      this.test = await this.api.clientTest({ client: this.client });
    } catch (caught) {
      this.error = toErrorDetail(caught);
    } finally {
      this.testing = false;
    }
  }
}

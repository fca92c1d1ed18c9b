import type { AppApi } from '../../src-mcp/api/contract.js';
import { api as appApi } from '../lib/api.js';

/**
 * The folder's env profiles, and the one the app renders with when none is chosen: the Settings
 * default, which the engine was opened with. The run pane shows it, so it is never a surprise.
 */
class EnvProfiles {
  list = $state<string[]>([]);
  /** The Settings default profile ('' for env.yaml alone). */
  defaultProfile = $state('');

  constructor(private readonly api: AppApi = appApi) {}

  async refresh(): Promise<void> {
    const [list, info] = await Promise.all([this.api.profiles(), this.api.info()]);
    this.list = list;
    this.defaultProfile = info.profile ?? '';
  }

  /** Creates env.<name>.yaml; the caller opens it. Refused when the name is taken or not valid. */
  async create(name: string): Promise<string> {
    const created = await this.api.envCreateProfile({ profile: name });
    await this.refresh();
    return created.file;
  }
}

export const envProfiles = new EnvProfiles();

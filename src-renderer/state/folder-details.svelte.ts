import type { AppApi, FolderInfo } from '../../src-mcp/api/contract.js';
import { api as appApi } from '../lib/api.js';

/** Where the runbooks are, for the library's start page; it reads fine without it. */
export class FolderDetails {
  info = $state.raw<FolderInfo | undefined>(undefined);

  constructor(private readonly api: AppApi = appApi) {}

  async load(): Promise<void> {
    this.info = await this.api.info().catch(() => this.info);
  }
}

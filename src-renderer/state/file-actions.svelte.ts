import type { AppApi } from '../../src-mcp/api/contract.js';
import { api as appApi } from '../lib/api.js';
import { copyText } from '../lib/clipboard.js';
import { notices } from './notices.svelte.js';

/**
 * "Reveal in folder" and "Open in editor": the desktop app does them; a browser cannot reach
 * the file manager, so there the file's path is copied instead, and the toast says so.
 */
class FileActions {
  constructor(private readonly api: AppApi = appApi) {}

  async run(name: string, action: 'reveal' | 'open'): Promise<void> {
    try {
      const result = await this.api.revealFile({ name, action });
      if (result.done) return;
      if (result.reason) notices.info(`Could not open ${result.path}: ${result.reason}`);
      await copyText(result.path);
      notices.success(`Copied the path: ${result.path}`);
    } catch (error) {
      notices.error(error, `Could not find the file of ${name}.`);
    }
  }
}

export const fileActions = new FileActions();

import type { AppApi, FolderInfo } from '../../src-mcp/api/contract.js';
import type { SerializedRunbookError } from '../../src-mcp/engine/errors.js';
import type { AppSettings } from '../../src-mcp/engine/settings.js';
import { api as appApi } from '../lib/api.js';
import { toErrorDetail } from '../lib/api-error.js';
import { library } from './library.svelte.js';
import { notices } from './notices.svelte.js';

/** The settings form's fields that are saved together (the folder has its own form). */
type SettingsFields = Pick<AppSettings, 'shortcut' | 'launchAtLogin' | 'followOutsideLinks'> & {
  profile: string;
};

/** The Settings page: the folder shown, and the settings file as saved. */
export class SettingsPage {
  info = $state.raw<FolderInfo | undefined>(undefined);
  settings = $state.raw<AppSettings | undefined>(undefined);
  /** Why the last folder change was refused: kept beside the field, not in a toast. */
  folderError = $state<SerializedRunbookError | undefined>(undefined);
  folderBusy = $state(false);

  constructor(
    private readonly api: AppApi = appApi,
    /** Told when the folder's runbooks may have changed (another folder, links followed or not). */
    private readonly onFolderChanged: () => Promise<void> = () => library.refresh(),
  ) {}

  /** The saved fields for the form, or undefined (and a notice) when they could not be read. */
  async load(): Promise<SettingsFields | undefined> {
    try {
      const [info, settings] = await Promise.all([this.api.info(), this.api.settingsRead()]);
      [this.info, this.settings] = [info, settings];
      const { shortcut, launchAtLogin, followOutsideLinks } = settings;
      return { profile: settings.profile ?? '', shortcut, launchAtLogin, followOutsideLinks };
    } catch (error) {
      notices.error(error, 'Could not read the settings.');
      return undefined;
    }
  }

  /** The host checks the folder, saves it and reopens on it. True when it did. */
  async changeFolder(folder: string): Promise<boolean> {
    this.folderBusy = true;
    this.folderError = undefined;
    try {
      this.settings = await this.api.settingsSave({ runbookDir: folder.trim() });
      const info = await this.api.info();
      this.info = info;
      await this.onFolderChanged();
      notices.success(`Now showing the runbooks in ${info.root}.`);
      return true;
    } catch (error) {
      this.folderError = toErrorDetail(error);
      return false;
    } finally {
      this.folderBusy = false;
    }
  }

  async save(fields: SettingsFields): Promise<void> {
    try {
      const relink = this.settings?.followOutsideLinks !== fields.followOutsideLinks;
      this.settings = await this.api.settingsSave(fields);
      // The folder was reopened with links followed or not: what it lists may have changed.
      if (relink) [this.info] = await Promise.all([this.api.info(), this.onFolderChanged()]);
      notices.success(
        'Settings saved. The tray app and the MCP server use them the next time they start.',
      );
    } catch (error) {
      notices.error(error, 'Settings not saved.');
    }
  }
}

import { listProfiles, loadEnv, type LoadedEnv } from './env.js';
import type { FolderBoundary } from './folder-boundary.js';

/** env.yaml files are small but read on every render: keep the parsed result until they change. */
export class EnvCache {
  private readonly loaded = new Map<string, Promise<LoadedEnv>>();

  private readonly root: string;

  constructor(private readonly boundary: FolderBoundary) {
    this.root = boundary.root;
  }

  load(profile: string | undefined): Promise<LoadedEnv> {
    const key = profile ?? '';
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = this.assertEnvFilesInside(profile).then(() => loadEnv(this.root, profile));
      this.loaded.set(key, pending);
      // A broken file is reported to each caller, and read again next time (the user may fix it).
      pending.catch(() => this.loaded.delete(key));
    }
    return pending;
  }

  profiles(): Promise<string[]> {
    return listProfiles(this.root);
  }

  invalidate(): void {
    this.loaded.clear();
  }

  /** An env file that links to outside the folder is refused by name, never read. */
  private async assertEnvFilesInside(profile: string | undefined): Promise<void> {
    const stems = ['env'];
    // An invalid profile name is refused by loadEnv itself; it must not form a path here.
    if (profile && /^[A-Za-z0-9_-]+$/.test(profile)) stems.push(`env.${profile}`);
    for (const stem of stems)
      for (const ext of ['yaml', 'yml']) await this.boundary.assertEnvInside(`${stem}.${ext}`);
  }
}

/** `env.yaml`, `env.yml`, `env.prod.yaml`… at the folder root. */
export function isEnvFile(relPath: string): boolean {
  return /^env(\.[A-Za-z0-9_-]+)?\.ya?ml$/.test(relPath);
}

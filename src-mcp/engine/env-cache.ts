import { listProfiles, loadEnv } from './env.js';
import type { LoadedEnv } from './engine.js';

/** env.yaml files are small but read on every render: keep the parsed result until they change. */
export class EnvCache {
  private readonly loaded = new Map<string, Promise<LoadedEnv>>();

  constructor(private readonly root: string) {}

  load(profile: string | undefined): Promise<LoadedEnv> {
    const key = profile ?? '';
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = loadEnv(this.root, profile);
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
}

/** `env.yaml`, `env.yml`, `env.prod.yaml`… at the folder root. */
export function isEnvFile(relPath: string): boolean {
  return /^env(\.[A-Za-z0-9_-]+)?\.ya?ml$/.test(relPath);
}

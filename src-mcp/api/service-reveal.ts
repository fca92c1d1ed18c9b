/**
 * "Reveal in folder" and "Open in editor". Only a desktop host can do either (Electron's shell);
 * elsewhere (the web host) the call gives the file's path, which the browser copies instead.
 */
import path from 'node:path';
import type { ApiHandlers } from './contract.js';
import type { EngineSource } from './session.js';

/** The desktop's file actions; absent in the web host. */
export interface DesktopShell {
  showItemInFolder(file: string): void;
  /** Resolves to '' on success, else the reason (Electron's shell.openPath). */
  openPath(file: string): Promise<string>;
}

export function revealHandlers(
  source: EngineSource,
  shell: DesktopShell | undefined,
): Pick<ApiHandlers, 'revealFile'> {
  return {
    revealFile: async ({ name, action }) => {
      const { engine } = source;
      // Only a runbook the engine serves, by its resolved name: never a path the caller made up.
      const summary = await engine.resolve(name);
      const file = path.join(engine.root, summary.path);
      if (!shell) return { done: false, path: file };
      if (action === 'reveal') {
        shell.showItemInFolder(file);
        return { done: true, path: file };
      }
      const failure = await shell.openPath(file);
      return failure ? { done: false, path: file, reason: failure } : { done: true, path: file };
    },
  };
}

/**
 * The Trash view's calls. A restore never replaces a runbook (a taken name is an `exists` error
 * that asks for another name) and delete forever only ever removes a file inside `.trash/`.
 */
import { nameFromPath } from '../engine/names.js';
import { deleteFromTrash, listTrash, readTrashed, restoreFromTrash } from '../engine/trash-bin.js';
import type { ApiHandlers } from './contract.js';
import type { EngineSource } from './session.js';
import { takenPaths } from './taken-paths.js';

type TrashHandlers = Pick<ApiHandlers, 'trashList' | 'trashRestore' | 'trashRead' | 'trashDelete'>;

export function trashHandlers(source: EngineSource): TrashHandlers {
  const engine = () => source.engine;
  return {
    trashList: async () => {
      const taken = await takenPaths(engine());
      return (await listTrash(engine().root)).map((entry) => ({
        ...entry,
        taken: taken(entry.path),
      }));
    },
    trashRestore: async ({ trashPath, as }) => {
      const open = engine();
      const relPath = await restoreFromTrash(open.root, trashPath, as, await takenPaths(open));
      await open.applyChanges([relPath]);
      return open.resolve(nameFromPath(relPath));
    },
    trashRead: async ({ trashPath }) => ({ text: await readTrashed(engine().root, trashPath) }),
    trashDelete: async ({ trashPath }) => {
      await deleteFromTrash(engine().root, trashPath);
      return {};
    },
  };
}

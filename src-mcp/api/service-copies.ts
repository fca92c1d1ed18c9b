/** Duplicate and New from template: a new runbook from another's text, never over a taken name. */
import { copyPath, isTemplate, textFromTemplate } from '../engine/runbook-copies.js';
import type { ApiHandlers } from './contract.js';
import type { EngineSource } from './session.js';
import { takenPaths } from './taken-paths.js';

type CopyHandlers = Pick<ApiHandlers, 'duplicate' | 'templates' | 'createFromTemplate'>;

export function copyHandlers(source: EngineSource): CopyHandlers {
  const engine = () => source.engine;
  return {
    duplicate: async ({ name }) => {
      const open = engine();
      const original = await open.read(name);
      const relPath = copyPath(original.path, await takenPaths(open));
      return open.create(relPath, original.content);
    },
    templates: async () =>
      (await engine().list())
        .filter(isTemplate)
        .map((s) => ({ name: s.name, title: s.title, description: s.description })),
    createFromTemplate: async ({ template, name }) => {
      const open = engine();
      const stored = await open.read(template);
      return open.create(name, textFromTemplate(stored.content));
    },
  };
}

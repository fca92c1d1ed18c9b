import type { WatchStatus } from '../../src-mcp/engine/watcher.js';
import type { AppEvent } from '../../src-mcp/api/contract.js';
import { api, onAppEvent } from '../lib/api.js';
import { library } from './library.svelte.js';
import { openRunbook } from './open-runbook.svelte.js';
import { runForm } from './run-form.svelte.js';

/** The folder watcher's state as the host reports it (missing folder, errors). */
class FolderStatus {
  watch = $state<WatchStatus>({ state: 'watching' });
  /** Bumped on each env change, so views showing env data reload it. */
  envVersion = $state(0);
}

export const folderStatus = new FolderStatus();

/** One subscription for the whole UI: every change flows to the state that shows it. */
export function startAppEvents(): () => void {
  return onAppEvent((event) => void handle(event));
}

async function handle(event: AppEvent): Promise<void> {
  if (event.type === 'watch') {
    const wasMissing = folderStatus.watch.state !== 'watching';
    folderStatus.watch = event.status;
    if (wasMissing && event.status.state === 'watching') await library.refresh();
    return;
  }
  const { change } = event;
  await library.refresh();
  if (change.envChanged) folderStatus.envVersion++;
  const open = openRunbook.name;
  if (open && change.removed.includes(open)) openRunbook.removedOnDisk();
  else if (open && [...change.changed, ...change.added].includes(open))
    await openRunbook.changedOnDisk();
  const running = runForm.name;
  if (running && (change.envChanged || change.changed.includes(running))) {
    // The sidebar's list carries no variables: ask for this runbook's (it may be gone by now).
    const variables = await api.variables({ name: running }).catch(() => undefined);
    if (variables && runForm.name === running) await runForm.load(running, variables);
  }
}

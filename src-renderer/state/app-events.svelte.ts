import type { WatchStatus } from '../../src-mcp/engine/watcher.js';
import type { AppApi, AppEvent } from '../../src-mcp/api/contract.js';
import { api as appApi, onAppEvent } from '../lib/api.js';
import { library, type Library } from './library.svelte.js';
import { openRunbook, type OpenRunbook } from './open-runbook.svelte.js';
import { runForm, type RunForm } from './run-form.svelte.js';

/** The folder watcher's state as the host reports it (missing folder, errors). */
export class FolderStatus {
  watch = $state<WatchStatus>({ state: 'watching' });
  /** Bumped on each env change, so views showing env data reload it. */
  envVersion = $state(0);
}

export const folderStatus = new FolderStatus();

/** The state that shows the folder, told of each change. */
interface EventTargets {
  status: FolderStatus;
  library: Library;
  openRunbook: OpenRunbook;
  runForm: RunForm;
}

type Subscribe = (listener: (event: AppEvent) => void) => () => void;

/** One subscription for the whole UI: every change flows to the state that shows it. */
export class AppEvents {
  constructor(
    private readonly api: AppApi = appApi,
    private readonly subscribe: Subscribe = onAppEvent,
    private readonly targets: EventTargets = {
      status: folderStatus,
      library,
      openRunbook,
      runForm,
    },
  ) {}

  /** Returns the unsubscribe. */
  start(): () => void {
    return this.subscribe((event) => void this.handle(event));
  }

  async handle(event: AppEvent): Promise<void> {
    const { status, library, openRunbook, runForm } = this.targets;
    if (event.type === 'sync') return this.resync(event.revision);
    if (event.type === 'watch') {
      const wasMissing = status.watch.state !== 'watching';
      status.watch = event.status;
      if (wasMissing && event.status.state === 'watching') await library.refresh();
      return;
    }
    const { change } = event;
    await library.refresh();
    if (change.envChanged) status.envVersion++;
    const open = openRunbook.name;
    if (open && change.removed.includes(open)) openRunbook.removedOnDisk();
    else if (open && [...change.changed, ...change.added].includes(open))
      await openRunbook.changedOnDisk();
    const running = runForm.name;
    if (running && (change.envChanged || change.changed.includes(running))) {
      // The sidebar's list carries no variables: ask for this runbook's (it may be gone by now).
      const variables = await this.api.variables({ name: running }).catch(() => undefined);
      if (variables && runForm.name === running) await runForm.load(running, variables);
    }
  }

  /** The stream (re)opened at `revision`: a list taken at another may have missed a change. */
  private async resync(revision: string): Promise<void> {
    const { status, library, openRunbook } = this.targets;
    if ((await library.listRevision()) === revision) return;
    await library.refresh();
    status.envVersion++;
    await openRunbook.changedOnDisk();
  }
}

export function startAppEvents(): () => void {
  return new AppEvents().start();
}

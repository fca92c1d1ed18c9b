import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src-mcp/engine/types.js';
import { FakeBridge } from '../test-support/fake-bridge.js';
import { listOf, runbookOf, settle } from '../test-support/fixtures.js';
import { AppEvents, FolderStatus } from './app-events.svelte.js';
import { Library } from './library.svelte.js';
import { OpenRunbook } from './open-runbook.svelte.js';
import { RunForm } from './run-form.svelte.js';

const noChange: ChangeEvent = {
  added: [],
  changed: [],
  removed: [],
  listChanged: false,
  envChanged: false,
};

/** A fake folder whose runbook `deploy` the test changes on disk, and the UI state over it. */
function app() {
  const disk = { names: ['deploy'], content: 'v1', revision: 'host.0' };
  const fake = new FakeBridge({
    listBrief: () => listOf(disk.names, disk.revision),
    read: ({ name }) => runbookOf(name, disk.content),
    variables: () => [{ name: 'service', required: true, secret: false, declared: true }],
    preview: () => ({ text: disk.content, unresolved: [], diagnostics: [] }),
  });
  const targets = {
    status: new FolderStatus(),
    library: new Library(fake.api),
    openRunbook: new OpenRunbook(fake.api),
    runForm: new RunForm(fake.api),
  };
  const events = new AppEvents(fake.api, (listener) => fake.onEvent(listener), targets);
  return { disk, fake, events, ...targets };
}

describe('AppEvents against a fake back end', () => {
  it('lists the folder again and reloads the open runbook when it changed on disk', async () => {
    const { disk, fake, events, library, openRunbook } = app();
    const stop = events.start();
    await openRunbook.open('deploy');
    disk.names.push('rollback');
    disk.content = 'v2';
    fake.emit({
      type: 'change',
      change: { ...noChange, added: ['rollback'], changed: ['deploy'] },
    });
    await settle();
    expect([library.items.map((i) => i.name), openRunbook.content]).toEqual([
      ['deploy', 'rollback'],
      'v2',
    ]);
    stop();
    fake.emit({ type: 'change', change: noChange });
    await settle();
    expect(fake.argsOf('listBrief')).toHaveLength(1);
  });

  it('marks the open runbook removed on disk, keeping its text', async () => {
    const { disk, events, openRunbook } = app();
    await openRunbook.open('deploy');
    disk.names = [];
    await events.handle({ type: 'change', change: { ...noChange, removed: ['deploy'] } });
    expect([openRunbook.removed, openRunbook.unsaved, openRunbook.content]).toEqual([
      true,
      true,
      'v1',
    ]);
  });

  it('asks for the run form’s variables again when env.yaml changed', async () => {
    const { fake, events, runForm, status } = app();
    await runForm.load('deploy', []);
    await events.handle({ type: 'change', change: { ...noChange, envChanged: true } });
    expect(fake.argsOf('variables')).toEqual([{ name: 'deploy' }]);
    expect([runForm.variables.map((v) => v.name), status.envVersion]).toEqual([['service'], 1]);
  });

  it('shows a missing folder, and lists it again once it is back', async () => {
    const { fake, events, status } = app();
    const missing = { state: 'missing', message: 'The folder /gone is gone.' } as const;
    await events.handle({ type: 'watch', status: missing });
    expect([status.watch.state, fake.argsOf('listBrief')]).toEqual(['missing', []]);
    await events.handle({ type: 'watch', status: { state: 'watching' } });
    expect([status.watch.state, fake.argsOf('listBrief')]).toEqual(['watching', [{}]]);
  });

  it('lists nothing again at a sync with the revision of its list', async () => {
    const { fake, events, library } = app();
    events.start();
    const loading = library.refresh();
    // The stream opens while the list is still on its way: the sync waits for it.
    fake.emit({ type: 'sync', revision: 'host.0' });
    await loading;
    await settle();
    expect([fake.argsOf('listBrief').length, library.items.map((i) => i.name)]).toEqual([
      1,
      ['deploy'],
    ]);
  });

  it('loads all it shows again at a sync past its list (a change it was never told of)', async () => {
    const { disk, fake, events, library, openRunbook, status } = app();
    events.start();
    await library.refresh();
    await openRunbook.open('deploy');
    // Changed after the list was taken and before the stream (re)opened.
    disk.names.push('rollback');
    disk.content = 'v2';
    disk.revision = 'host.1';
    fake.emit({ type: 'sync', revision: 'host.1' });
    await settle();
    expect([library.items.map((i) => i.name), openRunbook.content, status.envVersion]).toEqual([
      ['deploy', 'rollback'],
      'v2',
      1,
    ]);
    // A host started anew counts from 0 again: another instance is another revision.
    fake.emit({ type: 'sync', revision: 'restarted.0' });
    await settle();
    expect(fake.argsOf('listBrief')).toHaveLength(3);
  });
});

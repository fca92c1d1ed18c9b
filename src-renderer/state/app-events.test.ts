import { describe, expect, it } from 'vitest';
import type { RunbookBrief } from '../../src-mcp/api/contract.js';
import type { ChangeEvent } from '../../src-mcp/engine/types.js';
import { FakeBridge } from '../test-support/fake-bridge.js';
import { runbookOf, settle } from '../test-support/fixtures.js';
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
  const disk = { names: ['deploy'], content: 'v1' };
  const fake = new FakeBridge({
    listBrief: () => disk.names.map((name): RunbookBrief => ({ name, title: name })),
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

  it('loads the list at the stream’s first sync, and everything shown again at a later one', async () => {
    const { disk, fake, events, library, openRunbook, status } = app();
    events.start();
    expect(fake.argsOf('listBrief')).toEqual([]);
    fake.emit({ type: 'sync' });
    await settle();
    expect([library.items.map((i) => i.name), status.envVersion]).toEqual([['deploy'], 0]);
    await openRunbook.open('deploy');
    // Changed while the stream was down: no change event ever says so.
    disk.names.push('rollback');
    disk.content = 'v2';
    fake.emit({ type: 'sync' });
    await settle();
    expect([library.items.map((i) => i.name), openRunbook.content, status.envVersion]).toEqual([
      ['deploy', 'rollback'],
      'v2',
      1,
    ]);
  });
});

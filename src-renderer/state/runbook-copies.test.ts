import { describe, expect, it } from 'vitest';
import { FakeBridge, FakeRefusal } from '../test-support/fake-bridge.js';
import { summaryOf } from '../test-support/fixtures.js';
import { RunbookCopies } from './runbook-copies.svelte.js';

/** A fake folder with one template: the host never writes over a taken name. */
function folder(names: string[]) {
  const files = new Set(names);
  const fake = new FakeBridge({
    duplicate: ({ name }) => {
      let copy = `${name}-copy`;
      for (let n = 2; files.has(copy); n++) copy = `${name}-copy-${n}`;
      files.add(copy);
      return summaryOf(copy);
    },
    templates: () => [{ name: 'templates/incident', title: 'Incident', description: '' }],
    createFromTemplate: ({ name }) => {
      if (files.has(name)) throw new FakeRefusal({ code: 'exists', message: `${name} exists.` });
      files.add(name);
      return summaryOf(name);
    },
  });
  let refreshes = 0;
  const copies = new RunbookCopies(fake.api, async () => void refreshes++);
  return { files, fake, copies, refreshes: () => refreshes };
}

describe('RunbookCopies against a fake back end', () => {
  it('duplicates under the next free copy name and lists it', async () => {
    const { copies, refreshes } = folder(['deploy', 'deploy-copy']);
    expect((await copies.duplicate('deploy')).name).toBe('deploy-copy-2');
    expect(refreshes()).toBe(1);
  });

  it('offers the templates, then creates from one', async () => {
    const { copies, fake, files } = folder([]);
    expect(copies.templatesLoaded).toBe(false);
    await copies.loadTemplates();
    expect([copies.templatesLoaded, copies.templates.map((t) => t.name)]).toEqual([
      true,
      ['templates/incident'],
    ]);
    await copies.createFromTemplate('templates/incident', 'incidents/db');
    expect(fake.argsOf('createFromTemplate')).toEqual([
      { template: 'templates/incident', name: 'incidents/db' },
    ]);
    expect([...files]).toEqual(['incidents/db']);
  });

  it('never replaces a runbook: a taken name is thrown for the dialog, nothing listed anew', async () => {
    const { copies, refreshes } = folder(['incidents/db']);
    await expect(
      copies.createFromTemplate('templates/incident', 'incidents/db'),
    ).rejects.toMatchObject({ code: 'exists' });
    expect(refreshes()).toBe(0);
  });
});

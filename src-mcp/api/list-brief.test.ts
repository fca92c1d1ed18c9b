import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { runbookHandlers } from './service-runbooks.js';

describe('listBrief (what the sidebar loads)', () => {
  it('gives each runbook its name and title, and only the fields that differ from usual', async () => {
    const dir = await makeFolder({
      'ops/deploy.md': '---\ntitle: Deploy\ntags: [k8s]\n---\nkubectl rollout {var.service}\n',
      'ops/optional.md': '---\nvariables:\n  x:\n    default: "1"\n---\n# Optional\n{var.x}\n',
      'notes.txt': 'Plain notes\n',
    });
    const home = await makeFolder({}, 'home-');
    const engine = Engine.open({ dir, logsDir: path.join(home, 'logs') });
    const { runbooks: briefs } = await runbookHandlers({ engine }).listBrief({});
    expect([...briefs].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      // .txt: the extension is named; no tags, no required value: nothing else.
      { name: 'notes', title: 'notes', ext: '.txt' },
      // A required variable (from the text) and tags.
      { name: 'ops/deploy', title: 'Deploy', tags: ['k8s'], needsValues: true },
      // A default makes the only variable optional.
      { name: 'ops/optional', title: 'Optional' },
    ]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { makeFolder } from '../test-support/temp-folder.js';
import type { ApiHandlers } from './contract.js';
import { dispatchCall } from './dispatch.js';
import { revealHandlers, type DesktopShell } from './service-reveal.js';

async function setup(shell?: DesktopShell) {
  const dir = await makeFolder({ 'ops/check.md': '# Check\n' });
  const engine = Engine.open({ dir, logsDir: path.join(dir, '..', 'logs') });
  const handlers = revealHandlers({ engine }, shell) as ApiHandlers;
  return { dir, call: (args: unknown) => dispatchCall(handlers, 'revealFile', args) };
}

describe('revealFile', () => {
  it('in the desktop app, reveals or opens the runbook’s own file', async () => {
    const calls: string[] = [];
    const shell: DesktopShell = {
      showItemInFolder: (file) => void calls.push(`reveal ${file}`),
      openPath: async (file) => (calls.push(`open ${file}`), ''),
    };
    const { dir, call } = await setup(shell);
    const file = path.join(dir, 'ops/check.md');
    expect(await call({ name: 'check', action: 'reveal' })).toEqual({
      ok: true,
      value: { done: true, path: file },
    });
    await call({ name: 'ops/check', action: 'open' });
    expect(calls).toEqual([`reveal ${file}`, `open ${file}`]);
  });

  it('without a desktop shell (the web host), gives the path to copy', async () => {
    const { dir, call } = await setup();
    expect(await call({ name: 'check', action: 'open' })).toEqual({
      ok: true,
      value: { done: false, path: path.join(dir, 'ops/check.md') },
    });
  });

  it.each([
    ['a path outside the folder is not a runbook', { name: '../../etc/passwd', action: 'open' }],
    ['an unknown action', { name: 'check', action: 'delete' }],
  ])('refuses %s, and the shell is never called', async (_why, args) => {
    const calls: string[] = [];
    const { call } = await setup({
      showItemInFolder: (file) => void calls.push(file),
      openPath: async (file) => (calls.push(file), ''),
    });
    expect((await call(args)).ok).toBe(false);
    expect(calls).toEqual([]);
  });
});

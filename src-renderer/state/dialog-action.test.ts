import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error.js';
import { deferred } from '../test-support/fixtures.js';
import { DialogAction } from './dialog-action.svelte.js';

function dialog() {
  const state = { closed: false };
  return { state, close: () => (state.closed = true) };
}

describe('DialogAction', () => {
  it('is busy while the work runs, then closes the dialog and hands back the result', async () => {
    const action = new DialogAction();
    const shown = dialog();
    const work = deferred<string>();
    const running = action.run(shown, () => work.promise);
    expect([action.busy, shown.state.closed]).toEqual([true, false]);
    work.resolve('ops/new');
    expect(await running).toBe('ops/new');
    expect([action.busy, shown.state.closed, action.error]).toEqual([false, true, undefined]);
  });

  it('keeps the dialog open with the refusal, so the user can change the name or cancel', async () => {
    const action = new DialogAction();
    const shown = dialog();
    const result = await action.run(shown, async () => {
      // What the app's API throws for a refusal (lib/api.ts).
      throw new ApiError({ code: 'exists', message: 'ops/new already exists.', details: [] });
    });
    expect([result, action.busy, shown.state.closed, action.error?.code]).toEqual([
      undefined,
      false,
      false,
      'exists',
    ]);
  });
});

/**
 * "Choose a runbook, get it on the clipboard": straight from the tray when it needs no values,
 * through the fill window when it does. Also where a copy made in the picker or fill window is
 * confirmed, remembered in Recent, and its window put away.
 */
import { clipboard } from 'electron';
import { toRunbookError } from '../src-mcp/engine/errors.js';
import type { AppContext } from './context.js';
import { notify } from './notify.js';
import { pushRecent } from './recent.js';

export async function chooseRunbook(ctx: AppContext, name: string): Promise<void> {
  try {
    const summary = await ctx.session.engine.resolve(name);
    if (summary.variables.length > 0) {
      ctx.windows.showFill(summary.name);
      return;
    }
    const text = await ctx.session.engine.render(summary.name);
    copied(ctx, summary.name, summary.title, text);
  } catch (error) {
    const problem = toRunbookError(error);
    ctx.report(`Could not copy ${name}`, problem.describe());
  }
}

/** Called for every copy, from the tray or from a quick window's successful render. */
export function copied(ctx: AppContext, name: string, title: string, text: string): void {
  clipboard.writeText(text);
  ctx.trayState.set('recent', pushRecent(ctx.trayState.get('recent'), name));
  ctx.hub.publish({ type: 'app', what: 'recent' });
  notify('Copied to the clipboard', title || name);
}

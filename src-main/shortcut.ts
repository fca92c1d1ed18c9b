/** The global shortcut that opens the quick picker; follows the setting as it changes. */
import { globalShortcut } from 'electron';
import { isRunbookError } from '../src-mcp/engine/errors.js';
import { checkAccelerator } from './accelerator.js';
import type { AppContext } from './context.js';

export function setupShortcut(ctx: AppContext): void {
  let registered: string | undefined;
  const register = (accelerator: string | undefined) => {
    if (registered) globalShortcut.unregister(registered);
    registered = undefined;
    if (!accelerator) return;
    try {
      const checked = checkAccelerator(accelerator);
      // register() answers false when another app holds the keys; say which, and what to do.
      if (!globalShortcut.register(checked, () => ctx.windows.showPicker())) {
        ctx.report(
          'Quick picker shortcut unavailable',
          `${checked} is taken by another app. Choose another shortcut in Settings.`,
        );
        return;
      }
      registered = checked;
    } catch (error) {
      const detail = isRunbookError(error) ? error.describe() : String(error);
      ctx.report('Quick picker shortcut not valid', detail);
    }
  };
  register(ctx.settings.get('shortcut'));
  ctx.settings.onDidChange('shortcut', (next) => register(next));
}

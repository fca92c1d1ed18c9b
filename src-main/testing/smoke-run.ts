/**
 * Drives the real main process (bundled with the Electron stand-in) through the tray app's
 * everyday paths and prints what happened as one JSON line; src-main/main-smoke.test.ts checks it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { requestApproval } from '../../src-mcp/approval/client.js';
import { waitFor } from '../../src-mcp/test-support/wait-for.js';
import {
  BrowserWindow,
  Notification,
  Tray,
  app,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  type MenuTemplateItem,
} from './electron-stand-in.js';
import '../main.js';

const dataDir = process.env.RUNBOOK_COMPANION_DATA ?? '';
const folder = process.env.SMOKE_RUNBOOK_DIR ?? '';
const appPath = app.getAppPath();
const trustedUrl = `${pathToFileURL(path.join(appPath, 'dist', 'renderer', 'index.html')).href}#/`;

const until = <T>(read: () => T | undefined, what: string): Promise<T> => waitFor(read, { what });

const tray = () => Tray.all[0];
const item = (items: MenuTemplateItem[] | undefined, label: string) =>
  items?.find((i) => i.label === label);
const labels = (items: MenuTemplateItem[] | undefined) => (items ?? []).map((i) => i.label ?? '—');
const click = (entry: MenuTemplateItem | undefined) =>
  entry?.click?.({ checked: false }, undefined, {});

async function call(sender: unknown, frameUrl: string, method: string, args: unknown) {
  const handler = ipcMain.handlers.get('runbook-api:call');
  if (!handler) throw new Error('no IPC handler');
  return handler({ sender, senderFrame: { url: frameUrl } }, method, args) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  }>;
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = {};
  const all = await until(() => item(tray()?.menu, 'All Runbooks')?.submenu, 'the tray menu');
  result.menu = labels(tray()?.menu);
  result.allRunbooks = labels(all);
  result.tooltip = tray()?.tooltip;
  result.trayIcon = path.basename(tray()?.image.path ?? '');

  const listed = await call({}, trustedUrl, 'list', {});
  result.ipcList = (listed.value as { name: string }[]).map((r) => r.name).sort();
  result.untrusted = (await call({}, 'https://example.com/', 'list', {})).error?.code;

  click(item(all, 'Hello'));
  result.copied = await until(() => clipboard.text || undefined, 'the clipboard');
  result.notification = Notification.shown.at(-1);

  click(item(item(all, 'ops')?.submenu, 'Restart pods…'));
  const fill = await until(
    () => BrowserWindow.all.find((w) => w.webContents.url.includes('#/fill/') && w.isVisible()),
    'the fill window',
  );
  result.fillUrl = fill.webContents.url.slice(fill.webContents.url.indexOf('#'));
  result.fillVisible = fill.isVisible();

  const rendered = await call(fill.webContents, trustedUrl, 'render', {
    name: 'restart',
    vars: { app: 'api' },
  });
  result.fillRender = rendered.ok;
  await until(() => (fill.isVisible() ? undefined : true), 'the fill window to hide');
  result.copiedFromFill = clipboard.text;
  // Hello is already there (copied above): wait for the runbook just rendered, not for any entry.
  const recent = await until(() => {
    const found = labels(item(tray()?.menu, 'Recent')?.submenu);
    return found.includes('Restart pods…') ? found : undefined;
  }, 'the rendered runbook in Recent');
  result.recent = recent;

  globalShortcut.registered.get('CommandOrControl+Shift+R')?.();
  const picker = await until(
    () => BrowserWindow.all.find((w) => w.webContents.url.endsWith('#/picker') && w.isVisible()),
    'the picker',
  );
  result.pickerVisible = picker.isVisible();

  result.approval = await requestApproval('Restart the API pods?', { dir: dataDir });
  result.dialog = dialog.asked.at(-1)?.detail;
  result.unload = unloadAnswers(BrowserWindow.all[0]);

  await fs.rm(folder, { recursive: true });
  await until(() => item(tray()?.menu, 'Runbook folder not found'), 'the missing-folder item');
  result.missingTooltip = tray()?.tooltip;
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'back.md'), '# Back again\n');
  result.afterReturn = await until(() => {
    const found = labels(item(tray()?.menu, 'All Runbooks')?.submenu);
    return found.includes('Back again') ? found : undefined;
  }, 'the folder back');

  process.stdout.write(`${JSON.stringify(result)}\n`);
  app.quit();
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
  process.exit(1);
});

/** What the main window does when its page blocks unload (unsaved edits): keep, then discard. */
function unloadAnswers(win: BrowserWindow | undefined): { keep: boolean; discard: boolean } {
  const attempt = (answer: number): boolean => {
    dialog.answer = answer;
    let allowed = false;
    win?.webContents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
    return allowed;
  };
  const answers = { keep: attempt(0), discard: attempt(1) };
  dialog.answer = 1;
  return answers;
}

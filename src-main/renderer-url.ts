/**
 * Where the app's windows load the renderer from, and which senders IPC trusts: only pages of our
 * own `index.html`, whatever route (hash) they show.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Hash routes the UI provides for the tray's small windows. */
export type RendererRoute = '/' | '/picker' | '/claude' | `/fill/${string}`;

function rendererIndexPath(appPath: string): string {
  return path.join(appPath, 'dist', 'renderer', 'index.html');
}

export function fillRoute(name: string): RendererRoute {
  return `/fill/${encodeURIComponent(name)}`;
}

export function rendererUrl(appPath: string, route: RendererRoute): string {
  return `${pathToFileURL(rendererIndexPath(appPath)).href}#${route}`;
}

/** True for a frame showing our renderer file; false for any other file, site, or no frame. */
export function isTrustedSender(frameUrl: string | undefined, appPath: string): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:' || url.host !== '') return false;
  return path.resolve(fileURLToPath(url)) === path.resolve(rendererIndexPath(appPath));
}

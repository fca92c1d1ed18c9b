import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built renderer; paths never leave `rendererDir`, routes fall back to index.html,
 * which gets `pageHead` at the end of its head.
 */
export async function serveStatic(
  rendererDir: string,
  urlPath: string,
  res: ServerResponse,
  pageHead = '',
): Promise<void> {
  const file = await findFile(rendererDir, urlPath);
  if (!file) {
    const built = await isFile(path.join(rendererDir, 'index.html'));
    res.writeHead(built ? 404 : 503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(built ? 'Not found.' : `The UI is not built (${rendererDir}). Run: npm run build`);
    return;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  // Vite names assets by content hash: they never change; index.html must always be fresh.
  const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
  const bytes = await fs.readFile(file);
  const isPage = pageHead !== '' && file === path.join(rendererDir, 'index.html');
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
  res.end(isPage ? withHead(bytes.toString('utf8'), pageHead) : bytes);
}

function withHead(html: string, extra: string): string {
  const at = html.search(/<\/head>/i);
  // Without a head end, after everything: before the doctype would put the page in quirks mode.
  return at < 0 ? html + extra : html.slice(0, at) + extra + html.slice(at);
}

async function findFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== root && !target.startsWith(root + path.sep)) return undefined;
  if (await isFile(target)) return target;
  // A path without an extension is a client-side route.
  if (path.extname(decoded) === '') {
    const index = path.join(root, 'index.html');
    return (await isFile(index)) ? index : undefined;
  }
  return undefined;
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

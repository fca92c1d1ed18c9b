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

/** A JSON data block for index.html: `<script type="application/json">` runs nothing. */
export interface PageData {
  id: string;
  value: () => Promise<unknown>;
}

/**
 * Serves the built renderer; paths never leave `rendererDir`, routes fall back to index.html,
 * which gets `pageData` as a JSON block in its head.
 */
export async function serveStatic(
  rendererDir: string,
  urlPath: string,
  res: ServerResponse,
  pageData?: PageData,
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
  const isPage = pageData && file === path.join(rendererDir, 'index.html');
  const body = isPage
    ? withDataBlock(bytes.toString('utf8'), pageData.id, await pageData.value())
    : bytes;
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
  res.end(body);
}

function withDataBlock(html: string, id: string, value: unknown): string {
  // `<` never stands outside a string in JSON, and \u003c inside one parses the same, so no
  // `</script>` or `<!--` in a runbook's title can end the block early.
  const json = JSON.stringify(value).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${id}">${json}</script>`;
  const at = html.search(/<\/head>/i);
  return at < 0 ? html + block : html.slice(0, at) + block + html.slice(at);
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

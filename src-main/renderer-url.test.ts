import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillRoute, isTrustedSender, rendererUrl } from './renderer-url.js';

const appPath = path.resolve('/opt/Runbook Companion/resources/app.asar');
const index = pathToFileURL(path.join(appPath, 'dist/renderer/index.html')).href;

describe('rendererUrl', () => {
  it('loads the one renderer with a hash route, encoding names that hold slashes', () => {
    expect(rendererUrl(appPath, '/picker')).toBe(`${index}#/picker`);
    expect(rendererUrl(appPath, fillRoute('docs/redis/README'))).toBe(
      `${index}#/fill/docs%2Fredis%2FREADME`,
    );
  });
});

describe('isTrustedSender', () => {
  it.each([
    [`${index}#/fill/x`, true, 'our renderer on any route'],
    [index, true, 'our renderer without a route'],
    [undefined, false, 'no frame (destroyed window)'],
    ['https://example.com/', false, 'a web page'],
    [pathToFileURL('/tmp/evil/index.html').href, false, 'another local file'],
    [
      pathToFileURL(path.join(appPath, 'dist/renderer/../renderer/index.html')).href,
      true,
      'dot segments normalise to ours',
    ],
    ['file://host/share/index.html', false, 'a file on another host'],
    ['not a url', false, 'garbage'],
  ] as [string | undefined, boolean, string][])('%s → %s (%s)', (url, trusted, _why) => {
    expect(isTrustedSender(url, appPath)).toBe(trusted);
  });
});

import { describe, expect, it } from 'vitest';
import { detectRunningClaudeDesktop, listingShowsClaudeDesktop } from './running-client.js';

describe('spotting Claude Desktop in a process listing', () => {
  const cases: { why: string; platform: NodeJS.Platform; listing: string; running: boolean }[] = [
    {
      why: 'macOS app main binary',
      platform: 'darwin',
      listing: '/sbin/launchd\n/Applications/Claude.app/Contents/MacOS/Claude\n',
      running: true,
    },
    {
      why: 'macOS helpers alone are not the app',
      platform: 'darwin',
      listing:
        '/Applications/Claude.app/Contents/Frameworks/Claude Helper.app/Contents/MacOS/Claude Helper\n',
      running: false,
    },
    {
      why: 'Claude Code (lower-case claude) is not Claude Desktop',
      platform: 'darwin',
      listing: 'claude\nzsh\n',
      running: false,
    },
    {
      why: 'Linux community build',
      platform: 'linux',
      listing: 'systemd\nclaude-desktop\nbash\n',
      running: true,
    },
    {
      why: 'Linux without it',
      platform: 'linux',
      listing: 'systemd\nnode\nclaude\n',
      running: false,
    },
    {
      why: 'Windows tasklist CSV',
      platform: 'win32',
      listing:
        '"System","4","Services","0","152 K"\r\n"claude.exe","9120","Console","1","210,444 K"\r\n',
      running: true,
    },
    {
      why: 'Windows without it',
      platform: 'win32',
      listing: '"explorer.exe","4","Console","1","1 K"\r\n',
      running: false,
    },
  ];
  it.each(cases)('$why', ({ platform, listing, running }) => {
    expect(listingShowsClaudeDesktop(listing, platform)).toBe(running);
  });

  it('answers "unknown" where the OS gives no way to tell', async () => {
    expect(await detectRunningClaudeDesktop('aix')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')(
    'lists processes on this machine (no Claude Desktop here)',
    async () => {
      expect(await detectRunningClaudeDesktop('linux')).toBe(false);
    },
  );
});

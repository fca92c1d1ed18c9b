import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunbookSummary } from '../engine/types.js';
import { summaryAt } from '../test-support/summary.js';
import { makeFolder } from '../test-support/temp-folder.js';
import { PROMPT_MENU_LIMIT, isListedPrompt, readFavourites } from './prompt-policy.js';
import { promptText, startRunningServer } from './test-harness.js';

const summary = (name: string, prompt?: boolean): RunbookSummary =>
  summaryAt(`${name}.md`, prompt === undefined ? {} : { prompt });

const small = PROMPT_MENU_LIMIT;
const large = PROMPT_MENU_LIMIT + 1;

describe('isListedPrompt', () => {
  it.each([
    {
      why: 'a small folder lists every runbook',
      prompt: undefined,
      total: small,
      fav: false,
      listed: true,
    },
    {
      why: 'prompt: false hides one even in a small folder',
      prompt: false,
      total: small,
      fav: false,
      listed: false,
    },
    {
      why: 'a large folder lists only what was chosen',
      prompt: undefined,
      total: large,
      fav: false,
      listed: false,
    },
    { why: 'pinned or recent is chosen', prompt: undefined, total: large, fav: true, listed: true },
    { why: 'prompt: true is chosen', prompt: true, total: large, fav: false, listed: true },
    { why: 'prompt: false wins over a pin', prompt: false, total: large, fav: true, listed: false },
  ])('$why', ({ prompt, total, fav, listed }) => {
    const favourites = new Set(fav ? ['ops/a'] : []);
    expect(isListedPrompt(summary('ops/a', prompt), total, favourites)).toBe(listed);
  });
});

describe('readFavourites', () => {
  it.each([
    { why: 'no files: none', config: undefined, tray: undefined, expected: [[], []] },
    {
      why: 'pinned from the settings, recent from the tray state',
      config: '{"pinned":["a","b"]}',
      tray: '{"recent":["c"]}',
      expected: [['a', 'b'], ['c']],
    },
    {
      why: 'a broken settings file costs only the pins',
      config: '{',
      tray: '{"recent":["c"]}',
      expected: [[], ['c']],
    },
    {
      why: 'a broken tray state costs only the recent',
      config: '{"pinned":["a"]}',
      tray: 'null',
      expected: [['a'], []],
    },
    {
      why: 'non-strings in recent are left out',
      config: undefined,
      tray: '{"recent":["c",1,null]}',
      expected: [[], ['c']],
    },
  ])('$why', async ({ config, tray, expected }) => {
    const dir = await makeFolder({
      ...(config === undefined ? {} : { 'config.json': config }),
      ...(tray === undefined ? {} : { 'tray-state.json': tray }),
    });
    const { pinned, recent } = readFavourites(dir);
    expect([pinned, recent]).toEqual(expected);
    await rm(dir, { recursive: true });
  });
});

describe('prompt: false over the real server', () => {
  it('hides the runbook from prompts/list; get_runbook_as_prompt still reaches it', async () => {
    const server = await startRunningServer((fx) =>
      writeFile(
        path.join(fx.dir, 'hidden.md'),
        '---\nprompt: false\n---\n# Hidden\n\nsecret steps\n',
      ),
    );
    try {
      const { prompts } = await server.srv.client.listPrompts();
      const names = prompts.map((p) => p.name);
      expect(names).toContain('docs_redis_README');
      expect(names).not.toContain('hidden');
      const result = await server.srv.client.getPrompt({
        name: 'get_runbook_as_prompt',
        arguments: { runbook_search_keyword: 'hidden' },
      });
      expect(promptText(result)).toContain('secret steps');
    } finally {
      await server.stop();
    }
  }, 60_000);
});

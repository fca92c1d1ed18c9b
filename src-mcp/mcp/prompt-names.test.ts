import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COMPAT_PROMPT_NAME, assignPromptNames, sanitizePromptName } from './prompt-names.js';
import { CORPORA_SKIPPED, corporaDir } from '../test-support/shared-folder.js';

describe('sanitizePromptName', () => {
  it.each([
    { why: 'folders become underscores', name: 'docs/redis/README', prompt: 'docs_redis_README' },
    { why: 'clean names stay', name: 'triage', prompt: 'triage' },
    { why: 'dashes stay', name: 'deploy/roll-back', prompt: 'deploy_roll-back' },
    { why: 'dots and spaces collapse', name: 'v1.2 notes/a  b', prompt: 'v1_2_notes_a_b' },
    { why: 'accents fold to ASCII', name: 'déploiement/étape', prompt: 'deploiement_etape' },
    { why: 'no letter is dropped', name: 'Ünïcode runbook', prompt: 'Unicode_runbook' },
    { why: 'ligatures and wide forms fold too', name: 'ﬁle/Ｒｅｄｉｓ', prompt: 'file_Redis' },
    {
      why: 'letters without a decomposition are spelled out, as search folds them',
      name: 'Hauptstraße/Ærø',
      prompt: 'Hauptstrasse_AEro',
    },
    { why: 'scripts without ASCII become _', name: 'ops/重启', prompt: 'ops' },
    { why: 'nothing usable left', name: '///', prompt: 'runbook' },
  ])('$why', ({ name, prompt }) => {
    expect(sanitizePromptName(name)).toBe(prompt);
  });

  it('keeps long names unique with a hash and at most 60 characters', () => {
    const a = sanitizePromptName(`${'x'.repeat(150)}/a`);
    const b = sanitizePromptName(`${'x'.repeat(150)}/b`);
    expect(a.length).toBeLessThanOrEqual(60);
    expect(a).not.toBe(b);
  });

  it('keeps the tail of a long path, where its meaning is, cut at a folder', () => {
    const name = 'copy12/gitlab-runbooks/docs/frontend/serving-static-assets/troubleshooting-cdn';
    const prompt = sanitizePromptName(name);
    expect(prompt).toMatch(/^frontend_serving-static-assets_troubleshooting-cdn_[0-9a-f]{8}$/);
    expect(sanitizePromptName(name)).toBe(prompt);
  });
});

describe('assignPromptNames', () => {
  it.each([
    {
      why: 'a clean name keeps it; the path that collides takes _2',
      names: ['a/b', 'a_b'],
      expected: { a_b: 'a_b', 'a/b': 'a_b_2' },
    },
    {
      why: 'two paths that collide number in name order',
      names: ['x y', 'x/y', 'x.y'],
      expected: { 'x y': 'x_y', 'x.y': 'x_y_2', 'x/y': 'x_y_3' },
    },
    {
      why: 'the compat prompt name is reserved',
      names: [COMPAT_PROMPT_NAME],
      expected: { [COMPAT_PROMPT_NAME]: `${COMPAT_PROMPT_NAME}_2` },
    },
    {
      why: 'a numbered name that exists is skipped',
      names: ['a/b', 'a_b', 'a_b_2'],
      expected: { a_b: 'a_b', a_b_2: 'a_b_2', 'a/b': 'a_b_3' },
    },
  ])('$why', ({ names, expected }) => {
    expect(Object.fromEntries(assignPromptNames(names))).toEqual(expected);
  });

  const corpora = corporaDir();
  it.skipIf(!corpora)(
    corpora
      ? 'gives each of the 727 corpus runbooks (many named README) a distinct name'
      : CORPORA_SKIPPED,
    async () => {
      const root = corpora ?? '';
      const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.md'));
      const names = files.map((f) => f.slice(0, -3));
      const assigned = [...assignPromptNames(names).values()];
      expect(names.length).toBeGreaterThan(700);
      expect(new Set(assigned).size).toBe(names.length);
      expect(assigned.every((n) => /^[A-Za-z0-9_-]{1,64}$/.test(n))).toBe(true);
    },
  );
});

/**
 * Real public runbooks full of PromQL, JSON, jsonpath and Go templates: none of their braces may
 * change when rendered. Read in place (read-only); never copied into the repo.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunbookError } from './errors.js';
import { findPlaceholders, renderLenient, renderStrict } from './template.js';
import { thrownRunbookError } from '../test-support/thrown.js';
import { CORPORA_SKIPPED, corporaDir } from '../test-support/shared-folder.js';

const corporaRoot = corporaDir();
const CORPORA = ['gitlab-runbooks', 'openshift-runbooks'];

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const title = corporaRoot
  ? 'renders every file without placeholders byte for byte'
  : CORPORA_SKIPPED;

describe('public runbook corpora', () => {
  it.skipIf(corporaRoot === undefined)(title, async () => {
    const root = corporaRoot ?? '';
    const files = (await Promise.all(CORPORA.map((c) => markdownFiles(path.join(root, c))))).flat();
    let withBraces = 0;
    let withPlaceholderLookalikes = 0;
    const withPlaceholders: string[] = [];
    const changed: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (text.includes('{')) withBraces++;
      if (/\{(?:var\.|env\[)/.test(text)) withPlaceholderLookalikes++;
      if (findPlaceholders(text).length > 0) {
        withPlaceholders.push(path.relative(root, file));
        expect(renderLenient(text, { vars: {}, env: {} }).unresolved.length).toBeGreaterThan(0);
        expect(() => renderStrict(text, { vars: {}, env: {} })).toThrow(RunbookError);
      } else if (renderStrict(text, { vars: {}, env: {} }) !== text) {
        changed.push(path.relative(root, file));
      }
    }
    console.info(
      `corpora: ${files.length} files, ${withBraces} with "{", ${withPlaceholderLookalikes} with "{var." or "{env[" text, ` +
        `${withPlaceholders.length} with real placeholders${withPlaceholders.length ? `: ${withPlaceholders.join(', ')}` : ''}`,
    );
    expect(changed).toEqual([]);
    expect(files.length).toBeGreaterThan(700);
    // Without many braces this test would prove nothing.
    expect(withBraces).toBeGreaterThan(200);
  });

  it.skipIf(corporaRoot === undefined)(
    'finds a placeholder added among real braces, on its line, and touches nothing else',
    async () => {
      const root = corporaRoot ?? '';
      const files = (await markdownFiles(path.join(root, 'openshift-runbooks'))).slice(0, 40);
      let probed = 0;
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        if (!text.includes('{')) continue;
        const probe = `${text}\n{var.corpus_probe} {env[ns][{var.corpus_probe}]}\n`;
        const line = probe.split('\n').length - 1;
        const err = thrownRunbookError(() => renderStrict(probe, { vars: {}, env: {}, file }));
        expect(err.message).toContain(`line ${line}: var.corpus_probe has no value`);
        expect(err.details).toHaveLength(2);
        expect(renderLenient(probe, { vars: {}, env: {} }).text).toBe(probe);
        expect(renderStrict(probe, { vars: { corpus_probe: 'p' }, env: { ns: { p: 'q' } } })).toBe(
          `${text}\np q\n`,
        );
        probed++;
      }
      expect(probed).toBeGreaterThan(5);
    },
  );
});

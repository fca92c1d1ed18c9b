/**
 * The benchmark folders, built fresh in the temp folder each run (the update measurement edits a
 * file, and the shared corpora are read-only): each public corpus alone, both together, and the
 * 10,000-runbook copy (both folders copied 14 times into copy1/ … copy14/).
 */
import { cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CORPUS_SOURCES, corporaDir } from '../test-support/shared-folder.js';

const LARGE_COPIES = 14;

export interface BenchCorpus {
  id: 'gitlab' | 'openshift' | 'both' | '10k';
  dir: string;
}

/** `--corpora DIR`, else `$RUNBOOK_CORPORA`, else `shared/corpora` beside the repository. */
export function findCorporaRoot(repoRoot: string, override?: string): string | undefined {
  return corporaDir(repoRoot, override ? { RUNBOOK_CORPORA: override } : process.env);
}

export interface PreparedCorpora {
  corpora: BenchCorpus[];
  cleanup(): Promise<void>;
}

export async function prepareCorpora(
  corporaRoot: string,
  wanted: ReadonlySet<BenchCorpus['id']>,
): Promise<PreparedCorpora> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'runbook-bench-'));
  const corpora: BenchCorpus[] = [];
  const copyInto = async (target: string, sources: readonly string[]): Promise<void> => {
    for (const source of sources) {
      await cp(path.join(corporaRoot, source), path.join(target, source), { recursive: true });
    }
  };
  const add = async (
    id: BenchCorpus['id'],
    fill: (dir: string) => Promise<void>,
  ): Promise<void> => {
    if (!wanted.has(id)) return;
    const dir = path.join(base, id);
    await mkdir(dir, { recursive: true });
    await fill(dir);
    corpora.push({ id, dir });
  };
  await add('gitlab', (dir) => copyInto(dir, ['gitlab-runbooks']));
  await add('openshift', (dir) => copyInto(dir, ['openshift-runbooks']));
  await add('both', (dir) => copyInto(dir, CORPUS_SOURCES));
  await add('10k', async (dir) => {
    for (let i = 1; i <= LARGE_COPIES; i++)
      await copyInto(path.join(dir, `copy${i}`), CORPUS_SOURCES);
  });
  return { corpora, cleanup: () => rm(base, { recursive: true, force: true }) };
}

/** Runbook files and their total size, counted the way the store and the baseline count them. */
export async function describeFolder(dir: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const runbooks = entries.filter((e) => e.isFile() && /\.(md|txt)$/i.test(e.name));
  const sizes = await Promise.all(
    runbooks.map(async (e) => (await stat(path.join(e.parentPath, e.name))).size),
  );
  return { files: runbooks.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/**
 * Where the public runbook corpora and the earlier tool's bench script live: `$RUNBOOK_CORPORA`,
 * else `shared/` beside the repository (as on the project's machines and in CI). Never a path of
 * one machine: a clone anywhere else finds nothing, and the tests and the bench say they skipped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_SOURCES = ['gitlab-runbooks', 'openshift-runbooks'] as const;

/** The folder holding `gitlab-runbooks/` and `openshift-runbooks/`, or undefined. */
export function corporaDir(root = repoRoot, env = process.env): string | undefined {
  const candidates = env.RUNBOOK_CORPORA
    ? [path.resolve(env.RUNBOOK_CORPORA)]
    : [path.join(root, '..', 'shared', 'corpora')];
  return candidates.find((dir) =>
    CORPUS_SOURCES.every((source) => existsSync(path.join(dir, source))),
  );
}

/** Why corpus tests are skipped, for their titles. */
export const CORPORA_SKIPPED =
  'SKIPPED: public corpora not found (set RUNBOOK_CORPORA, or put shared/corpora beside the repository)';

/** The earlier Python tool's index builder, used as the bench baseline; optional. */
export function whooshSeedScript(root = repoRoot, env = process.env): string | undefined {
  const corpora = corporaDir(root, env);
  const candidates = [
    env.RUNBOOK_BENCH_SCRIPT,
    corpora && path.join(corpora, '..', 'bench', 'seed_whoosh.py'),
    path.join(root, '..', 'shared', 'bench', 'seed_whoosh.py'),
  ].filter((c): c is string => Boolean(c));
  return candidates.find(existsSync);
}

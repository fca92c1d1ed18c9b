/**
 * The env.yaml editor's calls. The engine reads env files; writing them is the editor's job, done
 * here with the same atomic write and the same conflict rule as runbook saves.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { yamlPackage } from '../engine/lazy-packages.js';
import type { Engine } from '../engine/engine.js';
import { ENV_YAML_BOUNDS, parseEnvYaml } from '../engine/env.js';
import { parseBoundedYaml } from '../engine/safe-yaml.js';
import { RunbookError, toRunbookError } from '../engine/errors.js';
import { pathExists, writeFileAtomic } from '../engine/file-ops.js';
import { FolderBoundary } from '../engine/folder-boundary.js';
import { readUtf8Bytes, realPathInside } from '../engine/write-guards.js';
import type { Diagnostic } from '../engine/types.js';
import type { ApiHandlers, EnvDocument } from './contract.js';
import type { EngineSource } from './session.js';

type EnvHandlers = Pick<
  ApiHandlers,
  'profiles' | 'envRead' | 'envValidate' | 'envSave' | 'envCreateProfile'
>;

const PROFILE_NAME = /^[A-Za-z0-9_-]+$/;

export function envHandlers(source: EngineSource): EnvHandlers {
  return {
    profiles: () => source.engine.profiles(),
    envRead: ({ profile }) => readEnvDocument(source.engine, profile),
    envValidate: async ({ text }) => validateEnvText(text, 'env.yaml'),
    envSave: async ({ profile, text, baseMtimeMs }) => {
      // One engine for the whole save, even if the folder is reopened meanwhile.
      const { engine } = source;
      const file = await envFileName(engine.root, profile);
      const problems = validateEnvText(text, file);
      const first = problems[0];
      if (first) throw diagnosticError(first);
      const target = path.join(engine.root, file);
      // An env file that links to outside the folder is never written through.
      await realPathInside(engine.root, target, file);
      await checkUnchanged(target, file, baseMtimeMs);
      // The editor showed a file that is not UTF-8 with U+FFFD: writing that back would lose bytes.
      if (await pathExists(target)) await readUtf8Bytes(target, file);
      await writeFileAtomic(target, text);
      // Reload now rather than when the watcher notices, so the next preview sees the new values.
      await engine.applyChanges([file]);
      return readEnvDocument(engine, profile);
    },
    envCreateProfile: async ({ profile }) => {
      const { engine } = source;
      const file = await envFileName(engine.root, profile);
      const target = path.join(engine.root, file);
      const starter = `# The ${profile} profile: keys here are merged over env.yaml when ${profile} is chosen.\n`;
      // 'wx': never over an existing file, even one created a moment ago.
      await fs.writeFile(target, starter, { flag: 'wx' }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw toRunbookError(error);
        throw new RunbookError('exists', `The ${profile} profile exists already (${file}).`, {
          file,
          fix: 'Open it from the list, or choose another name.',
        });
      });
      await engine.applyChanges([file]);
      return readEnvDocument(engine, profile);
    },
  };
}

async function readEnvDocument(engine: Engine, profile: string | undefined): Promise<EnvDocument> {
  const file = await envFileName(engine.root, profile);
  await new FolderBoundary(engine.root, engine.options.followOutsideLinks).assertEnvInside(file);
  const stat = await fs.stat(path.join(engine.root, file)).catch(() => undefined);
  const text = stat ? await fs.readFile(path.join(engine.root, file), 'utf8') : '';
  const problems = validateEnvText(text, file);
  const merged = await engine.env(profile || undefined).then(
    (loaded) => loaded.env,
    (error: unknown) => {
      // The other file of the merge (base or profile) may be the broken one: say so too.
      if (problems.length === 0) problems.push(errorDiagnostic(toRunbookError(error)));
      return {};
    },
  );
  return { file, exists: stat !== undefined, text, mtimeMs: stat?.mtimeMs, env: merged, problems };
}

/** Every YAML error with its position (the editor underlines them all), then the shape check. */
function validateEnvText(text: string, file: string): Diagnostic[] {
  const bounded = parseBoundedYaml(text, ENV_YAML_BOUNDS);
  // A syntax error means the text passed the size and nesting checks, so it is safe to parse
  // again for the position of every error the editor underlines; anything else is one problem.
  if (bounded.ok || !bounded.failure.syntax) {
    try {
      parseEnvYaml(text, file);
      return [];
    } catch (error) {
      return [errorDiagnostic(toRunbookError(error))];
    }
  }
  const doc = yamlPackage().parseDocument(text, { prettyErrors: true });
  return doc.errors.map((error) => ({
    severity: 'error',
    code: 'invalid-yaml',
    message: (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
    file,
    line: error.linePos?.[0].line,
    column: error.linePos?.[0].col,
  }));
}

/** `env.yaml`, or the `.yml` spelling when that is the one that exists. */
async function envFileName(root: string, profile: string | undefined): Promise<string> {
  if (profile && !PROFILE_NAME.test(profile)) {
    throw new RunbookError('invalid-name', `"${profile}" is not a valid profile name.`, {
      key: 'profile',
      fix: 'Use letters, digits, "-" and "_" only.',
    });
  }
  const stem = profile ? `env.${profile}` : 'env';
  const yml = `${stem}.yml`;
  const hasYml = await fs.stat(path.join(root, yml)).then(
    () => true,
    () => false,
  );
  return hasYml ? yml : `${stem}.yaml`;
}

async function checkUnchanged(target: string, file: string, baseMtimeMs: number | undefined) {
  if (baseMtimeMs === undefined) return;
  const disk = await fs.stat(target).catch(() => undefined);
  if (disk && Math.abs(disk.mtimeMs - baseMtimeMs) <= 1) return;
  const diskContent = disk ? await fs.readFile(target, 'utf8') : '';
  throw new RunbookError('conflict', `${file} changed on disk since it was opened.`, {
    file,
    details: [{ diskContent, diskMtimeMs: disk?.mtimeMs ?? null }],
    fix: 'Compare both versions and choose which to keep; nothing was written.',
  });
}

function errorDiagnostic(error: RunbookError): Diagnostic {
  return {
    severity: 'error',
    code: error.code,
    message: error.fix ? `${error.message} ${error.fix}` : error.message,
    file: error.file,
    line: error.line,
    column: error.column,
    key: error.key,
  };
}

function diagnosticError(problem: Diagnostic): RunbookError {
  return new RunbookError('invalid-yaml', problem.message, {
    file: problem.file,
    line: problem.line,
    column: problem.column,
    fix: 'Fix the YAML at that line; nothing was written.',
  });
}

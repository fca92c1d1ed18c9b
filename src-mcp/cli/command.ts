import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass their own to capture output without a child process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  positionals: string[];
  values: OptionValues;
  io: CliIo;
}

/** One `runbook <name>` subcommand. Returns the process exit code (2 for a user error). */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(context: CommandContext): Promise<number>;
}

/** Options every engine command takes. */
export const folderOptions = {
  dir: { type: 'string' },
  logs: { type: 'string' },
  profile: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

import { RunbookError } from '../engine/errors.js';
import { findJsonProblem, lineColumn } from './json-scan.js';

export type JsonObject = Record<string, unknown>;

/** How the file is laid out, so a rewrite changes only what it must. */
export interface TextLayout {
  bom: boolean;
  eol: '\n' | '\r\n';
  indent: string;
  finalNewline: boolean;
}

export interface ConfigDocument {
  config: JsonObject;
  layout: TextLayout;
  /** True when re-serialising changes more than our entry (unusual spacing, duplicate keys…). */
  reformats: boolean;
}

export const defaultLayout: TextLayout = {
  bom: false,
  eol: '\n',
  indent: '  ',
  finalNewline: true,
};

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a client config; anything we could not rewrite without loss is refused here. */
export function parseConfigText(text: string, file: string): ConfigDocument {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  if (body.trim() === '')
    return { config: {}, layout: { ...defaultLayout, bom }, reformats: body !== '' };
  const parsed = parseJson(body, file);
  if (!isJsonObject(parsed)) {
    throw new RunbookError(
      'invalid-json',
      'The file holds JSON, but its top level is not an object.',
      {
        file,
        line: 1,
        column: 1,
        fix: 'Make the file a JSON object ({ … }) or move it aside; nothing was changed.',
      },
    );
  }
  const layout = detectLayout(text);
  return { config: parsed, layout, reformats: serializeConfig(parsed, layout) !== text };
}

function parseJson(body: string, file: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    const problem = findJsonProblem(body) ?? { offset: 0, message: String(error), jsonc: false };
    const { line, column } = lineColumn(body, problem.offset);
    if (problem.jsonc) {
      throw new RunbookError(
        'invalid-json',
        `The file has a ${problem.message} (JSONC); rewriting it would lose that.`,
        {
          file,
          line,
          column,
          key: 'jsonc',
          fix: 'Remove comments and trailing commas, or add the entry by hand; nothing was changed.',
          cause: error,
        },
      );
    }
    throw new RunbookError('invalid-json', `The file is not valid JSON: ${problem.message}.`, {
      file,
      line,
      column,
      fix: 'Fix the file at that place (or move it aside) and run this again; nothing was changed.',
      cause: error,
    });
  }
}

export function detectLayout(text: string): TextLayout {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? defaultLayout.indent;
  return {
    bom: text.startsWith('\uFEFF'),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    indent,
    finalNewline: text.endsWith('\n'),
  };
}

export function serializeConfig(config: JsonObject, layout: TextLayout): string {
  let text = JSON.stringify(config, null, layout.indent);
  if (layout.eol === '\r\n') text = text.replaceAll('\n', '\r\n');
  if (layout.finalNewline) text += layout.eol;
  return layout.bom ? `\uFEFF${text}` : text;
}

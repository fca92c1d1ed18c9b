import { isMap, parseDocument, type Node, type Pair } from 'yaml';
import { MAX_FRONT_MATTER_CHARS } from '../../src-mcp/engine/limits.js';
import { yamlOutOfBounds } from '../../src-mcp/engine/yaml-bounds.js';
import { findFrontMatter } from './front-matter-block.js';
import { textOf } from './front-matter-form.js';

/** A likely slip in front matter, with the text range it covers. */
export interface FrontMatterTrap {
  from: number;
  to: number;
  message: string;
}

/** The settings a variable takes: a key of one of these names is rarely meant as itself. */
const VARIABLE_SETTINGS = new Set(['description', 'choices', 'default', 'secret', 'required']);

/**
 * Keys whose indentation most likely slipped. Under `variables:`, `description: text` one indent
 * short of its variable silently becomes a required variable named "description"; at the top
 * level, `choices:`, `default:` or `secret:` are ignored.
 */
export function findFrontMatterTraps(text: string): FrontMatterTrap[] {
  const block = findFrontMatter(text);
  if (!block.exists || yamlOutOfBounds(block.yaml, MAX_FRONT_MATTER_CHARS)) return [];
  const document = parseDocument(block.yaml);
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const traps: FrontMatterTrap[] = [];
  const at = (pair: Pair, message: string) => {
    const range = (pair.key as Node | null)?.range;
    if (range)
      traps.push({ from: block.yamlStart + range[0], to: block.yamlStart + range[1], message });
  };
  for (const pair of document.contents.items) {
    const key = textOf(pair.key);
    if (key !== 'description' && VARIABLE_SETTINGS.has(key))
      at(
        pair,
        `\`${key}\` at the top level is ignored: a variable's settings go under variables → its name (indent them below it).`,
      );
    if (key === 'variables' && isMap(pair.value)) {
      for (const variable of pair.value.items) {
        const name = textOf(variable.key);
        if (VARIABLE_SETTINGS.has(name) && !isMap(variable.value))
          at(
            variable,
            `This is read as a required variable named "${name}". If it describes the variable above, indent it two more spaces.`,
          );
      }
    }
  }
  return traps;
}

/** Where a runbook's front matter YAML sits in its text, so an edit replaces only those bytes. */
export interface FrontMatterBlock {
  /** False when the text has no front matter yet: `yamlStart` is where one would go. */
  exists: boolean;
  yamlStart: number;
  yamlEnd: number;
  yaml: string;
  /** The line ending the file uses, so written lines match their neighbours. */
  eol: '\n' | '\r\n';
}

// The same fences the engine reads (src-mcp/engine/front-matter.ts).
const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function findFrontMatter(text: string): FrontMatterBlock {
  const bomLength = text.startsWith('\uFEFF') ? 1 : 0;
  const firstLine = /^[^\n]*\n/.exec(text)?.[0] ?? '';
  const eol = firstLine.endsWith('\r\n') ? '\r\n' : '\n';
  const none = { exists: false, yamlStart: bomLength, yamlEnd: bomLength, yaml: '', eol } as const;
  const opening = OPENING.exec(text);
  if (!opening) return none;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  // An unclosed block is text to the engine too: the form starts a new block above it.
  if (!closing) return none;
  const yamlStart = opening[0].length;
  const yamlEnd = yamlStart + closing.index;
  return { exists: true, yamlStart, yamlEnd, yaml: text.slice(yamlStart, yamlEnd), eol };
}

/** The text with its front matter YAML replaced (or a block added), every other byte kept. */
export function replaceFrontMatter(text: string, block: FrontMatterBlock, yaml: string): string {
  const lines = block.eol === '\n' ? yaml : yaml.replace(/\r?\n/g, block.eol);
  if (block.exists) return text.slice(0, block.yamlStart) + lines + text.slice(block.yamlEnd);
  if (lines === '') return text;
  const fence = `---${block.eol}`;
  return text.slice(0, block.yamlStart) + fence + lines + fence + text.slice(block.yamlStart);
}

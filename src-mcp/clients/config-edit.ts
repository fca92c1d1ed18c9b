/**
 * Byte-exact edits of one server entry. jsonc-parser finds the offsets; the edit is built here
 * because `modify` with `formattingOptions` re-formats the neighbouring lines too (`"b":1` becomes
 * `"b": 1`, and a one-line file is re-laid out whole). Removing what install added gives back the
 * original bytes.
 */
import { applyEdits, parseTree, type Edit, type Node } from 'jsonc-parser';
import type { ConfigDocument } from './config-text.js';

/** Sets `root[serversKey][name]`, adding the server map when the file has none. */
export function setServerEntry(
  doc: ConfigDocument,
  serversKey: string,
  name: string,
  entry: unknown,
): string {
  const { body, root, layout } = doc;
  if (!root) {
    const member = `${JSON.stringify(serversKey)}: ${render(doc, { [name]: entry }, layout.indent)}`;
    return withBom(doc, `{${layout.eol}${layout.indent}${member}${layout.eol}}${layout.eol}`);
  }
  const servers = memberOf(root, serversKey);
  if (!servers?.children?.[1])
    return withBom(doc, insertMember(doc, root, serversKey, { [name]: entry }));
  const map = servers.children[1];
  const existing = memberOf(map, name)?.children?.[1];
  if (!existing) return withBom(doc, insertMember(doc, map, name, entry));
  const indent = lineIndent(body, memberStart(existing));
  const value = indent === undefined ? JSON.stringify(entry) : render(doc, entry, indent);
  return withBom(
    doc,
    applyEdits(body, [{ offset: existing.offset, length: existing.length, content: value }]),
  );
}

/** Removes every member of the server map with one of `names`; the rest stays byte for byte. */
export function removeServerEntries(
  doc: ConfigDocument,
  serversKey: string,
  names: string[],
): string {
  let body = doc.body;
  let root = doc.root;
  for (;;) {
    const map = root && mapOf(root, serversKey);
    const member = map?.children?.find((child) => names.includes(keyOf(child) ?? ''));
    if (!map || !member) return withBom(doc, body);
    body = applyEdits(body, removalEdits(body, map, member));
    // Offsets moved: parse again, but only when there may be more to remove (big files parse slowly).
    const more = (map.children ?? []).some((c) => c !== member && names.includes(keyOf(c) ?? ''));
    root = more ? parseTree(body, [], { allowTrailingComma: true }) : undefined;
  }
}

function mapOf(root: Node, serversKey: string): Node | undefined {
  const map = memberOf(root, serversKey)?.children?.[1];
  return map?.type === 'object' ? map : undefined;
}

function insertMember(doc: ConfigDocument, object: Node, key: string, value: unknown): string {
  const { body, layout } = doc;
  const members = object.children ?? [];
  const last = members.at(-1);
  if (last) {
    const indent = lineIndent(body, last.offset);
    const content =
      indent === undefined
        ? `,${JSON.stringify(key)}:${JSON.stringify(value)}`
        : `,${layout.eol}${indent}${JSON.stringify(key)}: ${render(doc, value, indent)}`;
    return applyEdits(body, [{ offset: last.offset + last.length, length: 0, content }]);
  }
  const open = object.offset + 1;
  const close = object.offset + object.length - 1;
  if (isMinified(body)) {
    return applyEdits(body, [
      { offset: open, length: 0, content: `${JSON.stringify(key)}:${JSON.stringify(value)}` },
    ]);
  }
  const outer = /^[ \t]*/.exec(body.slice(lineStartOf(body, object.offset)))?.[0] ?? '';
  const inner = outer + layout.indent;
  const member = `${layout.eol}${inner}${JSON.stringify(key)}: ${render(doc, value, inner)}`;
  // Whitespace inside `{}` is replaced so removal can give back `{}`; a comment there is kept.
  const blank = body.slice(open, close).trim() === '';
  return blank
    ? applyEdits(body, [
        { offset: open, length: close - open, content: `${member}${layout.eol}${outer}` },
      ])
    : applyEdits(body, [{ offset: open, length: 0, content: member }]);
}

/** The exact inverse of `insertMember` for what it adds; for hand-written entries, the tidy cut. */
function removalEdits(body: string, object: Node, member: Node): Edit[] {
  const members = object.children ?? [];
  const index = members.indexOf(member);
  const end = member.offset + member.length;
  const comma = nextComma(body, end);
  if (members.length === 1) {
    const open = object.offset + 1;
    const close = object.offset + object.length - 1;
    const cutEnd = comma === undefined ? end : comma + 1;
    const rest = body.slice(open, member.offset) + body.slice(cutEnd, close);
    return rest.trim() === ''
      ? [{ offset: open, length: close - open, content: '' }]
      : [
          {
            offset: spaceStart(body, member.offset),
            length: cutEnd - spaceStart(body, member.offset),
            content: '',
          },
        ];
  }
  if (index === 0) {
    const after = comma === undefined ? end : skipSpace(body, comma + 1);
    return [{ offset: member.offset, length: after - member.offset, content: '' }];
  }
  const previous = members[index - 1];
  const separator = previous ? nextComma(body, previous.offset + previous.length) : undefined;
  const start = spaceStart(body, member.offset);
  if (separator === undefined || separator + 1 >= start)
    return [{ offset: separator ?? start, length: end - (separator ?? start), content: '' }];
  return [
    { offset: separator, length: 1, content: '' },
    { offset: start, length: end - start, content: '' },
  ];
}

function memberOf(object: Node, key: string): Node | undefined {
  return object.type === 'object'
    ? object.children?.find((child) => keyOf(child) === key)
    : undefined;
}

function keyOf(member: Node): string | undefined {
  const key: unknown = member.children?.[0]?.value;
  return typeof key === 'string' ? key : undefined;
}

function memberStart(value: Node): number {
  return value.parent?.offset ?? value.offset;
}

/** The comma after `offset`, past whitespace and comments; undefined when a `}` or `]` comes first. */
function nextComma(body: string, offset: number): number | undefined {
  let at = offset;
  for (;;) {
    at = skipSpace(body, at);
    if (body.startsWith('//', at)) at = lineEnd(body, at);
    else if (body.startsWith('/*', at)) {
      const close = body.indexOf('*/', at + 2);
      if (close < 0) return undefined;
      at = close + 2;
    } else return body[at] === ',' ? at : undefined;
  }
}

/** A one-line file with content stays one line; a bare `{}` is laid out like a client would. */
function isMinified(body: string): boolean {
  return !body.includes('\n') && body.trim().length > 2;
}

function skipSpace(body: string, offset: number): number {
  let at = offset;
  while (at < body.length && ' \t\r\n'.includes(body.charAt(at))) at++;
  return at;
}

/** Where the run of whitespace that ends at `offset` begins. */
function spaceStart(body: string, offset: number): number {
  let at = offset;
  while (at > 0 && ' \t\r\n'.includes(body.charAt(at - 1))) at--;
  return at;
}

function lineEnd(body: string, offset: number): number {
  const newline = body.indexOf('\n', offset);
  return newline < 0 ? body.length : newline;
}

function lineStartOf(body: string, offset: number): number {
  return body.lastIndexOf('\n', offset - 1) + 1;
}

/** The indent of the line `offset` starts (after only whitespace); undefined when it does not. */
function lineIndent(body: string, offset: number): string | undefined {
  const before = body.slice(lineStartOf(body, offset), offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Pretty JSON in the file's indent unit and line ending, its inner lines under `indent`. */
function render(doc: ConfigDocument, value: unknown, indent: string): string {
  return JSON.stringify(value, null, doc.layout.indent)
    .split('\n')
    .join(doc.layout.eol + indent);
}

function withBom(doc: ConfigDocument, body: string): string {
  return doc.bom ? `\uFEFF${body}` : body;
}

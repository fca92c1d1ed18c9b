/**
 * Credential shapes that only mean "secret" in the context of their line: a flag of a particular
 * command (`mysql -pS3cret`, where `ssh -p22` is a port), and a YAML value on the lines after its
 * secret key. Scanned by hand, each line at most a few times, so hostile input stays linear.
 */
import { KEY_WORDS, REDACTED, isPlaceholder, keepPrefix } from './redact-shapes.js';

interface CommandFlags {
  /** The command word that gives its flags a meaning. */
  command: RegExp;
  /** Applied to the rest of that command, up to a shell separator: groups are (flag, value). */
  flag: RegExp;
}

const QUOTED = `"[^"\\n]{0,512}"|'[^'\\n]{0,512}'`;
/** The value of a short flag: quoted, or up to a space; `-p` alone (prompt for it) has none. */
const VALUE = `(${QUOTED}|[^\\s"'\`;|&]+)`;

const COMMAND_FLAGS: readonly CommandFlags[] = [
  {
    // `mysql -pS3cret`: the password is glued to `-p` (`-p` alone prompts; `-P` is the port).
    command:
      /(?<![\w.-])(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlshow|mysqlpump|mysqlsh|mariadb(?:-dump|-admin)?)(?![\w-])/g,
    flag: new RegExp(`((?:^|[ \\t])-p)${VALUE}`, 'g'),
  },
  {
    // Only its first `-p`: the command it wraps (`ssh -p 22`) has flags of its own.
    command: /(?<![\w.-])sshpass(?![\w-])/g,
    flag: new RegExp(`((?:^|[ \\t])-p[ \\t]*)${VALUE}`),
  },
  {
    command: /(?<![\w.-])redis-cli(?![\w-])/g,
    flag: new RegExp(`((?:^|[ \\t])(?:-a|--pass)[ \\t]+)${VALUE}`, 'g'),
  },
  {
    // `curl -u admin:S3cret`: the user stays. `docker run -u 1000:1000` is not curl, so it stays.
    command: /(?<![\w.-])(?:curl|wget)(?![\w-])/g,
    flag: /((?:^|[ \t])(?:-u|--user)[ \t]*["']?[^\s:"'$]+:)([^\s"'@]+)/g,
  },
];

export function redactCommandFlags(text: string): string {
  let out = text;
  for (const rule of COMMAND_FLAGS) out = redactAfterCommand(out, rule);
  return out;
}

function redactAfterCommand(text: string, rule: CommandFlags): string {
  let out = '';
  let copied = 0;
  rule.command.lastIndex = 0;
  for (let hit = rule.command.exec(text); hit; hit = rule.command.exec(text)) {
    const start = rule.command.lastIndex;
    const end = commandEnd(text, start);
    out += text.slice(copied, start) + text.slice(start, end).replace(rule.flag, keepPrefix);
    copied = end;
    rule.command.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const COMMAND_STOP = /["'\n;|&]/g;

/** The end of one shell command: the line's end, or `;`, `|`, `&` outside quotes. */
function commandEnd(text: string, start: number): number {
  COMMAND_STOP.lastIndex = start;
  for (let stop = COMMAND_STOP.exec(text); stop; stop = COMMAND_STOP.exec(text)) {
    const c = stop[0];
    if (c !== '"' && c !== "'") return stop.index;
    // Skip the quoted part; an unclosed quote runs to the end of the line.
    const close = text.indexOf(c, stop.index + 1);
    const lineEnd = text.indexOf('\n', stop.index + 1);
    if (close < 0 || (lineEnd >= 0 && lineEnd < close)) return lineEnd < 0 ? text.length : lineEnd;
    COMMAND_STOP.lastIndex = close + 1;
  }
  return text.length;
}

/**
 * `password:` with nothing after it (or `password: |`, `token: >-`) and its value on the more
 * indented lines below. A plain next line that is itself a `key:`, a `- ` item or a comment is a
 * nested mapping (`secret:` + `secretName: web-tls`), not the secret, so it stays.
 */
const YAML_KEY_LINE = new RegExp(
  `^([ \\t]*)(?:- )?[\\w.-]*?(?:${KEY_WORDS})["']?[ \\t]*:[ \\t]*([|>][-+1-9]{0,2})?[ \\t]*(?:#[^\\n]*)?$`,
  'gim',
);

export function redactYamlNextLineValues(text: string): string {
  let out = '';
  let copied = 0;
  YAML_KEY_LINE.lastIndex = 0;
  for (let hit = YAML_KEY_LINE.exec(text); hit; hit = YAML_KEY_LINE.exec(text)) {
    const keyEnd = YAML_KEY_LINE.lastIndex;
    const indent = (hit[1] ?? '').length;
    // A zero-length match must still move on, or exec would find it again forever.
    YAML_KEY_LINE.lastIndex = keyEnd + 1;
    const first = firstValueLine(text, keyEnd, indent);
    if (first === undefined || isPlaceholder(first.text.trimEnd())) continue;
    if (hit[2] === undefined && looksLikeNestedYaml(first.text)) continue;
    const end = blockEnd(text, first.end, indent);
    out += text.slice(copied, first.start) + REDACTED;
    copied = end;
    YAML_KEY_LINE.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

interface ValueLine {
  /** Where the value's text starts, after its indentation. */
  start: number;
  end: number;
  text: string;
}

/** The first non-blank line after `from` (a line end), if it is indented deeper than `indent`. */
function firstValueLine(text: string, from: number, indent: number): ValueLine | undefined {
  for (let pos = from; pos < text.length && text[pos] === '\n';) {
    const next = text.indexOf('\n', pos + 1);
    const end = next < 0 ? text.length : next;
    const line = text.slice(pos + 1, end);
    const value = line.trimStart();
    if (value !== '') {
      const depth = line.length - value.length;
      return depth > indent ? { start: end - value.length, end, text: value } : undefined;
    }
    pos = end;
  }
  return undefined;
}

/** The end of the last line, from `from` on, that is blank or indented deeper than `indent`. */
function blockEnd(text: string, from: number, indent: number): number {
  let end = from;
  for (let pos = from; pos < text.length && text[pos] === '\n';) {
    const next = text.indexOf('\n', pos + 1);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(pos + 1, lineEnd);
    const value = line.trimStart();
    if (value !== '' && line.length - value.length <= indent) break;
    if (value !== '') end = lineEnd;
    pos = lineEnd;
  }
  return end;
}

function looksLikeNestedYaml(line: string): boolean {
  return /^(?:- |-$|#|[^\s:#]+[ \t]*:(?:[ \t]|$))/.test(line);
}

/**
 * Finds where a JSON text stops being JSON. `JSON.parse` says so too, but its wording and whether
 * it gives a position differ between Node/V8 versions; a user needs the line and column.
 */
export interface JsonProblem {
  offset: number;
  message: string;
  /** The problem is a comment or trailing comma: the file is JSONC, not broken. */
  jsonc: boolean;
}

class Stop {
  constructor(readonly problem: JsonProblem) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first problem in `text` (BOM already removed), or undefined when it is valid JSON. */
export function findJsonProblem(text: string): JsonProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
}

class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.space();
    this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
  }

  private value(): void {
    const c = this.text[this.pos];
    if (c === '{') return this.container('}', true);
    if (c === '[') return this.container(']', false);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(
      c === undefined ? 'unexpected end of file' : `unexpected character ${JSON.stringify(c)}`,
    );
  }

  private container(close: '}' | ']', isObject: boolean): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      if (isObject) this.member();
      else this.value();
      this.space();
      const c = this.text[this.pos];
      if (c === close) {
        this.pos++;
        return;
      }
      if (c !== ',') this.fail(`expected "," or "${close}"`);
      const comma = this.pos++;
      this.space();
      if (this.text[this.pos] === close) this.fail('trailing comma', comma, true);
    }
  }

  private member(): void {
    if (this.text[this.pos] !== '"') this.fail('expected a property name in double quotes');
    this.string();
    this.space();
    if (this.text[this.pos] !== ':') this.fail('expected ":" after the property name');
    this.pos++;
    this.space();
    this.value();
  }

  private string(): void {
    const start = this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated string', start);
      if (c === '"') break;
      if (c === '\\') this.escape();
      else if (c.charCodeAt(0) < 0x20) this.fail('control character in a string (escape it)');
      else this.pos++;
    }
    this.pos++;
  }

  private escape(): void {
    const c = this.text[this.pos + 1];
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
      this.pos += 6;
    } else if (c !== undefined && ESCAPES.has(c)) {
      this.pos += 2;
    } else {
      this.fail('invalid escape in a string');
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) this.fail('invalid number');
    this.pos = NUMBER.lastIndex;
  }

  private space(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '/' && '/*'.includes(this.text[this.pos + 1] ?? ''))
        this.fail('comment', this.pos, true);
      else return;
    }
  }

  private fail(message: string, offset = this.pos, jsonc = false): never {
    throw new Stop({ offset, message, jsonc });
  }
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

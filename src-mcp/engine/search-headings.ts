/**
 * Markdown headings of a body: ATX (`## Restore`) and setext (a line underlined with `===` or
 * `---`), skipping fenced code, where `# restart the service` is a shell comment. Only a line's
 * first character is looked at unless it can start a heading or a fence: a multiline regex over
 * the whole body took a fifth of the cold index build.
 */
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A line before `---` that is a list item, quote, table row, fence or heading is no setext heading. */
const NOT_SETEXT_TEXT = /^ {0,3}(?:[-*+>|#`~]|\d+[.)])|^\s*$|^ {4}/;

export function extractHeadings(body: string): string[] {
  const headings: string[] = [];
  let fence: string | undefined;
  let previousStart = 0;
  let previousEnd = 0;
  for (let start = 0; start <= body.length;) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    if (mayMatter(body, start, end)) {
      const line = lineAt(body, start, end);
      const mark = FENCE.exec(line);
      if (mark) fence = nextFenceState(fence, mark[1] ?? '', mark[2] ?? '');
      else if (fence === undefined)
        addHeading(headings, line, () => lineAt(body, previousStart, previousEnd));
    }
    previousStart = start;
    previousEnd = end;
    start = end + 1;
  }
  return headings;
}

function lineAt(body: string, start: number, end: number): string {
  return body.charCodeAt(end - 1) === 13 ? body.slice(start, end - 1) : body.slice(start, end);
}

/** Whether the line's first non-space character can open a heading, an underline or a fence. */
function mayMatter(body: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 4 && body.charCodeAt(i) === 32) i++;
  const c = body.charCodeAt(i);
  return i < end && (c === 35 || c === 96 || c === 126 || c === 61 || c === 45); // # ` ~ = -
}

function addHeading(headings: string[], line: string, previousLine: () => string): void {
  const atx = ATX.exec(line);
  if (atx) {
    const text = (atx[2] ?? '').trim();
    if (text) headings.push(text);
    return;
  }
  if (!UNDERLINE.test(line)) return;
  const previous = previousLine();
  if (!NOT_SETEXT_TEXT.test(previous)) headings.push(previous.trim());
}

/** Opens a fence, or closes the open one (same character, at least as long, nothing after it). */
function nextFenceState(open: string | undefined, mark: string, rest: string): string | undefined {
  if (open === undefined) return mark;
  const closes = mark[0] === open[0] && mark.length >= open.length && rest.trim() === '';
  return closes ? undefined : open;
}

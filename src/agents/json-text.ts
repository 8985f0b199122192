/**
 * A user's JSON config read and written back in its own style: indentation, line endings and the
 * final newline stay as they were, and keys keep their order (new ones go last). A config with
 * comments (JSONC, as editors allow) is refused rather than rewritten without them.
 */
import { UserError } from '../core/errors.js';
import { isObject, type Payload } from './event.js';

export interface JsonStyle {
  /** The indent unit; '' for a file written on one line. */
  indent: string;
  newline: '\n' | '\r\n';
  finalNewline: boolean;
}

/** How init writes a file that does not exist yet. */
export const DEFAULT_STYLE: JsonStyle = { indent: '  ', newline: '\n', finalNewline: true };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Where a comment starts outside a string, if any. */
function commentOffset(text: string): number | undefined {
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '/' && (text[index + 1] === '/' || text[index + 1] === '*')) return index;
  }
  return undefined;
}

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/**
 * Where JSON.parse gave up (node 20's messages carry no position): a small recursive reader that
 * walks valid JSON and returns the offset of the first character that cannot continue it.
 */
function syntaxErrorOffset(text: string): number {
  let at = 0;
  const space = () => {
    while (/\s/.test(text[at] ?? '')) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const expect = (char: string) => (text[at] === char ? at++ : fail());
  const string = () => {
    expect('"');
    while (text[at] !== '"') {
      if (at >= text.length || text[at] < ' ') fail();
      at += text[at] === '\\' ? 2 : 1;
    }
    at++;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '"') return string();
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) return void at++;
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          expect(':');
        }
        value();
        space();
        if (text[at] === close) return void at++;
        expect(',');
      }
    }
    const literal = LITERAL.exec(text.slice(at))?.[0];
    if (!literal) fail();
    at += literal!.length;
  };
  try {
    value();
    space();
    if (at < text.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
  return at;
}

function styleOf(text: string): JsonStyle {
  const indent = /^[{[][^\n]*\r?\n([ \t]+)\S/m.exec(text)?.[1] ?? '';
  return {
    indent: text.trim().includes('\n') ? indent || '  ' : '',
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    finalNewline: /\n$/.test(text),
  };
}

/**
 * The config as an object and the style to write it back in. Errors name the file and, for a
 * syntax error, its line and column; `nothing was written` holds because init plans first.
 */
export function parseJsonConfig(
  path: string,
  text: string | undefined,
): { config: Payload; style: JsonStyle } {
  if (text === undefined || text.trim() === '') return { config: {}, style: DEFAULT_STYLE };
  const comment = commentOffset(text);
  if (comment !== undefined) {
    const { line, column } = lineColumn(text, comment);
    throw new UserError(
      `${path}:${line}:${column}: has comments, which init would lose by rewriting it; add trailguard's hooks by hand (\`init --dry-run\` on a copy without comments shows them) or remove the comments (nothing was written)`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const { line, column } = lineColumn(text, syntaxErrorOffset(text));
    const reason = (error as Error).message
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '');
    throw new UserError(
      `${path}:${line}:${column}: not valid JSON (${reason}); fix it or move it away (nothing was written)`,
    );
  }
  if (!isObject(parsed)) {
    throw new UserError(`${path}: expected a JSON object at the top (nothing was written)`);
  }
  return { config: parsed, style: styleOf(text) };
}

export function renderJsonConfig(config: Payload, style: JsonStyle): string {
  const text = JSON.stringify(config, null, style.indent);
  const body = style.newline === '\n' ? text : text.replaceAll('\n', '\r\n');
  return style.finalNewline ? body + style.newline : body;
}

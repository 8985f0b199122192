/**
 * The files a shell command visibly writes, read from its text alone (no shell runs, nothing is
 * expanded): the targets of output redirections (`>`, `>>`, `>|`, `&>`, `&>>`, `N>`, `<>`), and
 * of the common file commands (`tee`, `cp`/`mv`/`install`/`ln`/`rsync` destinations, `sed -i` and
 * `perl -i` files, `touch`, `rm`, `truncate`, `dd of=`, `curl -o`, `wget -O`, `sort -o`, …),
 * through `cd`, `&&`, `||`, `;`, pipes, subshells, `sh -c '…'`, `eval '…'`, quotes and escapes.
 * Paths are relative to the directory the command starts in (or absolute).
 *
 * What it cannot see, by design: a word holding a variable, a command substitution, `~` or a
 * glob's matches (`cp a "$DIR"`, `rm $(ls)`), a script or program that writes files itself
 * (`python gen.py`, `make`, `xargs`, `find -exec`), and relative paths after a `cd` it cannot
 * follow. The after-the-fact record (the work tree compared around the command) still sees those.
 */
import { posix } from 'node:path';

export interface ShellTarget {
  path: string;
  /**
   * For a destination that may be a directory (`cp a b dir`): the names that would land in it.
   * The caller, who can look at the disk, adds `path/name` when the path is a directory.
   */
  names?: string[];
}

interface Word {
  text: string;
  /** Holds something only a shell would know: a variable, a substitution, `~`. */
  dynamic: boolean;
}

type Token =
  | { kind: 'word'; word: Word }
  | { kind: 'op'; op: string }
  | { kind: 'redirect'; op: string; fd?: string };

const OPERATORS = ['&&', '||', ';;', '|&', ';', '&', '|', '(', ')', '\n'];
const REDIRECTS = ['&>>', '<<<', '<<-', '>>', '>|', '&>', '<>', '<<', '<&', '>&', '>', '<'];
/** Redirections whose target is written. */
const WRITES = new Set(['>', '>>', '>|', '&>', '&>>', '<>', '>&']);
const NAME_START = /[A-Za-z_0-9@*#?$!-]/;

class Tokenizer {
  private i = 0;
  readonly tokens: Token[] = [];
  /** Commands run by substitutions (`$(…)`, backticks), parsed on their own. */
  readonly substitutions: string[] = [];
  private heredocs: { delimiter: string; tabs: boolean }[] = [];

  constructor(private readonly src: string) {}

  run(): this {
    const { src } = this;
    while (this.i < src.length) {
      const c = src[this.i]!;
      if (c === ' ' || c === '\t') {
        this.i += 1;
      } else if (c === '\\' && src[this.i + 1] === '\n') {
        this.i += 2;
      } else if (c === '#') {
        while (this.i < src.length && src[this.i] !== '\n') this.i += 1;
      } else if (c === '\n') {
        this.i += 1;
        this.tokens.push({ kind: 'op', op: ';' });
        this.skipHeredocs();
      } else if (!this.operator()) {
        this.word();
      }
    }
    return this;
  }

  private operator(): boolean {
    const rest = this.src.slice(this.i, this.i + 3);
    const redirect = REDIRECTS.find((op) => rest.startsWith(op));
    if (redirect) {
      this.i += redirect.length;
      this.tokens.push({ kind: 'redirect', op: redirect });
      return true;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op) return false;
    this.i += op.length;
    this.tokens.push({ kind: 'op', op });
    return true;
  }

  private word(): void {
    const { src } = this;
    let text = '';
    let dynamic = false;
    const start = this.i;
    while (this.i < src.length) {
      const c = src[this.i]!;
      if (' \t\n;&|()<>'.includes(c)) break;
      if (c === '\\') {
        if (src[this.i + 1] !== '\n') text += src[this.i + 1] ?? '';
        this.i += 2;
      } else if (c === "'") {
        const end = src.indexOf("'", this.i + 1);
        const close = end === -1 ? src.length : end;
        text += src.slice(this.i + 1, close);
        this.i = close + 1;
      } else if (c === '"') {
        dynamic = this.doubleQuoted((part) => (text += part)) || dynamic;
      } else if (c === '$' || c === '`') {
        const literal = this.dollar();
        if (literal === undefined) dynamic = true;
        else text += literal;
      } else {
        if (c === '~' && this.i === start) dynamic = true;
        text += c;
        this.i += 1;
      }
    }
    // `2>file`: digits right before a redirection are its file descriptor.
    const next = this.src[this.i];
    if (/^\d+$/.test(text) && !dynamic && (next === '>' || next === '<')) {
      this.operator();
      const redirect = this.tokens[this.tokens.length - 1] as Token & { kind: 'redirect' };
      redirect.fd = text;
      return;
    }
    this.tokens.push({ kind: 'word', word: { text, dynamic } });
    const previous = this.tokens[this.tokens.length - 2];
    if (previous?.kind === 'redirect' && previous.op.startsWith('<<') && previous.op !== '<<<') {
      this.heredocs.push({ delimiter: text, tabs: previous.op === '<<-' });
    }
  }

  /** A "…" string from its opening quote; true when it holds an expansion. */
  private doubleQuoted(add: (text: string) => void): boolean {
    const { src } = this;
    let dynamic = false;
    this.i += 1;
    while (this.i < src.length && src[this.i] !== '"') {
      const c = src[this.i]!;
      if (c === '\\' && '$`"\\\n'.includes(src[this.i + 1] ?? '')) {
        if (src[this.i + 1] !== '\n') add(src[this.i + 1]!);
        this.i += 2;
      } else if (c === '$' || c === '`') {
        const literal = this.dollar();
        if (literal === undefined) dynamic = true;
        else add(literal);
      } else {
        add(c);
        this.i += 1;
      }
    }
    this.i += 1;
    return dynamic;
  }

  /**
   * At a `$` or backtick: skips an expansion (undefined: dynamic), recording a substitution's
   * command; gives the text of `$'…'` and of a `$` that starts nothing.
   */
  private dollar(): string | undefined {
    const { src } = this;
    if (src[this.i] === '`') {
      const end = src.indexOf('`', this.i + 1);
      const close = end === -1 ? src.length : end;
      this.substitutions.push(src.slice(this.i + 1, close));
      this.i = close + 1;
      return undefined;
    }
    const next = src[this.i + 1] ?? '';
    if (next === "'") {
      const end = src.indexOf("'", this.i + 2);
      const close = end === -1 ? src.length : end;
      const text = src.slice(this.i + 2, close).replace(/\\(.)/g, '$1');
      this.i = close + 1;
      return text;
    }
    if (next === '(' || next === '{') {
      const close = this.matching(this.i + 1);
      if (next === '(' && src[this.i + 2] !== '(') {
        this.substitutions.push(src.slice(this.i + 2, close));
      }
      this.i = close + 1;
      return undefined;
    }
    if (NAME_START.test(next)) {
      this.i += 1;
      if (/[A-Za-z_]/.test(next)) while (/[A-Za-z_0-9]/.test(src[this.i] ?? '')) this.i += 1;
      else this.i += 1;
      return undefined;
    }
    this.i += 1;
    return '$';
  }

  /** The index of the bracket closing the one at `open`, past quotes and nested brackets. */
  private matching(open: number): number {
    const { src } = this;
    const [left, right] = src[open] === '(' ? ['(', ')'] : ['{', '}'];
    let depth = 0;
    for (let j = open; j < src.length; j++) {
      const c = src[j];
      if (c === '\\') j += 1;
      else if (c === "'") j = src.indexOf("'", j + 1) === -1 ? src.length : src.indexOf("'", j + 1);
      else if (c === left) depth += 1;
      else if (c === right && --depth === 0) return j;
    }
    return src.length;
  }

  /** After a newline: the bodies of the here-documents opened on the line before. */
  private skipHeredocs(): void {
    for (const { delimiter, tabs } of this.heredocs) {
      while (this.i < this.src.length) {
        const end = this.src.indexOf('\n', this.i);
        const stop = end === -1 ? this.src.length : end;
        const line = this.src.slice(this.i, stop);
        this.i = stop + 1;
        if ((tabs ? line.replace(/^\t+/, '') : line) === delimiter) break;
      }
    }
    this.heredocs = [];
  }
}

/** Commands that run the rest of their arguments as a command, with the options they take. */
const WRAPPERS: Record<string, { valued: string[] }> = {
  sudo: { valued: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U'] },
  doas: { valued: ['-u', '-C'] },
  env: { valued: ['-u', '-C', '-S'] },
  command: { valued: [] },
  builtin: { valued: [] },
  exec: { valued: ['-a'] },
  nohup: { valued: [] },
  time: { valued: ['-f', '-o'] },
  nice: { valued: ['-n'] },
  ionice: { valued: ['-c', '-n', '-p'] },
  stdbuf: { valued: ['-i', '-o', '-e'] },
  timeout: { valued: ['-s', '-k'] },
};
/** Words that start a compound command or a negation, before the command they run. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'busybox']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z_0-9]*=/;

/** The words after the wrappers and assignments: the command that really runs, and its arguments. */
function unwrap(words: Word[]): Word[] {
  let rest = words;
  for (;;) {
    while (rest[0] && (ASSIGNMENT.test(rest[0].text) || RESERVED.has(rest[0].text))) {
      rest = rest.slice(1);
    }
    const wrapper = rest[0] && WRAPPERS[posix.basename(rest[0].text)];
    if (!wrapper) return rest;
    const name = posix.basename(rest[0]!.text);
    rest = rest.slice(1);
    while (
      rest[0]?.text.startsWith('-') ||
      (name === 'env' && rest[0] && ASSIGNMENT.test(rest[0].text))
    ) {
      rest = rest.slice(wrapper.valued.includes(rest[0]!.text) ? 2 : 1);
    }
    // timeout's duration, nice's adjustment given as -N (taken above).
    if (name === 'timeout' && rest[0]) rest = rest.slice(1);
  }
}

interface Args {
  operands: Word[];
  /** Values of the options asked for, by the option as written (`-o`, `--output`). */
  values: Map<string, Word[]>;
  flags: Set<string>;
}

/**
 * Splits arguments into operands and options. `valued` options take the next word (or `=value`,
 * or the rest of a short cluster); everything after `--` is an operand.
 */
function readArgs(words: Word[], valued: readonly string[]): Args {
  const args: Args = { operands: [], values: new Map(), flags: new Set() };
  const keep = (option: string, value: Word | undefined) => {
    if (!value) return;
    args.values.set(option, [...(args.values.get(option) ?? []), value]);
  };
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const { text } = word;
    if (text === '--') {
      args.operands.push(...words.slice(k + 1));
      break;
    }
    if (text.startsWith('--')) {
      const [option, value] = text.split(/=(.*)/s, 2) as [string, string | undefined];
      args.flags.add(option);
      if (valued.includes(option))
        keep(option, value !== undefined ? { ...word, text: value } : words[++k]);
    } else if (text.startsWith('-') && text.length > 1) {
      for (let c = 1; c < text.length; c++) {
        const option = `-${text[c]}`;
        args.flags.add(option);
        if (!valued.includes(option)) continue;
        const attached = text.slice(c + 1);
        keep(option, attached !== '' ? { ...word, text: attached } : words[++k]);
        break;
      }
    } else {
      args.operands.push(word);
    }
  }
  return args;
}

/** The files one command (name and arguments, wrappers removed) writes, as words. */
function commandTargets(name: string, argv: Word[]): { words: Word[]; names?: string[] } {
  const read = (valued: readonly string[]) => readArgs(argv, valued);
  switch (name) {
    case 'tee':
    case 'rm':
    case 'unlink':
      return { words: read([]).operands };
    case 'touch':
      return { words: read(['-r', '-d', '-t', '--reference', '--date']).operands };
    case 'shred':
      return { words: read(['-n', '-s', '--iterations', '--size']).operands };
    case 'truncate':
      return { words: read(['-s', '--size', '-r', '--reference']).operands };
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln':
    case 'rsync': {
      const args = read([
        '-t',
        '--target-directory',
        '-S',
        '--suffix',
        '-m',
        '--mode',
        '-o',
        '-g',
        '-e',
        '--rsh',
      ]);
      const sources = args.operands.filter((word) => !/^[^/]*:/.test(word.text));
      const names = sources.map((word) => posix.basename(word.text)).filter(Boolean);
      const into = [
        ...(args.values.get('-t') ?? []),
        ...(args.values.get('--target-directory') ?? []),
      ];
      if (into.length > 0) return { words: into.map((w) => ({ ...w, text: `${w.text}/` })), names };
      if (args.operands.length < 2) return { words: [] };
      const destination = args.operands[args.operands.length - 1]!;
      if (/^[^/]*:/.test(destination.text)) return { words: [] };
      return { words: [destination], names: names.slice(0, -1) };
    }
    case 'sed': {
      const args = read(['-e', '--expression', '-f', '--file', '-l', '-s']);
      const inPlace = [...args.flags].some(
        (flag) => flag === '-i' || flag.startsWith('--in-place'),
      );
      if (!inPlace) return { words: [] };
      const scripted =
        args.values.has('-e') || args.values.has('--expression') || args.values.has('-f');
      return { words: scripted ? args.operands : args.operands.slice(1) };
    }
    case 'perl': {
      const args = read(['-e', '-E', '-M', '-m', '-I', '-x']);
      if (!argv.some((word) => /^-[a-zA-Z]*i/.test(word.text))) return { words: [] };
      const scripted = args.values.has('-e') || args.values.has('-E');
      return { words: scripted ? args.operands : args.operands.slice(1) };
    }
    case 'dd':
      return {
        words: argv
          .filter((word) => word.text.startsWith('of='))
          .map((word) => ({ ...word, text: word.text.slice(3) })),
      };
    case 'curl': {
      const args = read(['-o', '--output', '-d', '-H', '-X', '-u', '-A', '-e', '-F', '-T', '-x']);
      return { words: [...(args.values.get('-o') ?? []), ...(args.values.get('--output') ?? [])] };
    }
    case 'wget': {
      const args = read(['-O', '--output-document', '-P', '--directory-prefix']);
      const out = [
        ...(args.values.get('-O') ?? []),
        ...(args.values.get('--output-document') ?? []),
      ];
      return { words: out.filter((word) => word.text !== '-') };
    }
    case 'sort':
    case 'uniq': {
      const args = read(['-o', '--output', '-k', '-t', '-S', '-T']);
      const out = [...(args.values.get('-o') ?? []), ...(args.values.get('--output') ?? [])];
      return { words: name === 'uniq' && args.operands.length > 1 ? [args.operands[1]!] : out };
    }
    default:
      return { words: [] };
  }
}

/** Directory the command is in, relative to where it started; null once it cannot be followed. */
type Cwd = string | null;

class Collector {
  readonly targets: ShellTarget[] = [];

  add(cwd: Cwd, word: Word, names?: string[]): void {
    if (word.dynamic || word.text === '' || word.text === '-' || word.text.startsWith('/dev/'))
      return;
    if (cwd === null && !word.text.startsWith('/')) return;
    const joined = word.text.startsWith('/') ? word.text : posix.join(cwd ?? '', word.text);
    const path = word.text.endsWith('/') && !joined.endsWith('/') ? `${joined}/` : joined;
    this.targets.push(names && names.length > 0 ? { path, names } : { path });
  }

  /** Parses `command` as run in `cwd`; returns the directory it ends in. */
  script(command: string, cwd: Cwd, depth: number): Cwd {
    if (depth > 8) return cwd;
    const tokenizer = new Tokenizer(command).run();
    for (const inner of tokenizer.substitutions) this.script(inner, cwd, depth + 1);
    const stack: Cwd[] = [];
    let words: Word[] = [];
    let here = cwd;
    const tokens = tokenizer.tokens;
    const end = () => {
      here = this.simple(words, here, depth);
      words = [];
    };
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k]!;
      if (token.kind === 'word') {
        words.push(token.word);
      } else if (token.kind === 'redirect') {
        const target = tokens[k + 1];
        if (target?.kind !== 'word') continue;
        k += 1;
        const duplicate = token.op === '>&' && /^(\d+|-)$/.test(target.word.text);
        if (WRITES.has(token.op) && !duplicate) this.add(here, target.word);
      } else {
        end();
        if (token.op === '(') stack.push(here);
        else if (token.op === ')') here = stack.pop() ?? here;
      }
    }
    end();
    return here;
  }

  /** One simple command; returns the directory after it. */
  private simple(all: Word[], cwd: Cwd, depth: number): Cwd {
    const words = unwrap(all.filter((word) => word.text !== '{' && word.text !== '}'));
    if (words.length === 0) return cwd;
    const [command, ...argv] = words as [Word, ...Word[]];
    const name = posix.basename(command.text);
    if (name === 'cd' || name === 'pushd') {
      const dir = argv.find((word) => !word.text.startsWith('-') || word.text === '-');
      if (!dir || dir.dynamic || dir.text === '-') return null;
      if (dir.text.startsWith('/')) return dir.text;
      return cwd === null ? null : posix.join(cwd, dir.text);
    }
    if (name === 'popd') return null;
    if (SHELLS.has(name)) {
      const c = argv.findIndex((word) => /^-[a-z]*c[a-z]*$/.test(word.text));
      const script = c === -1 ? undefined : argv[c + 1];
      if (script && !script.dynamic) this.script(script.text, cwd, depth + 1);
      return cwd;
    }
    if (name === 'eval') {
      if (argv.every((word) => !word.dynamic)) {
        this.script(argv.map((word) => word.text).join(' '), cwd, depth + 1);
      }
      return cwd;
    }
    const { words: targets, names } = commandTargets(name, argv);
    for (const word of targets) this.add(cwd, word, names);
    return cwd;
  }
}

/** The files `command` visibly writes (see the module comment for what it cannot see). */
export function shellWriteTargets(command: string): ShellTarget[] {
  const collector = new Collector();
  collector.script(command, '', 0);
  return collector.targets;
}

/**
 * Regular expressions from outside the process (control API `pathRegex`, fault rules' '/…/' paths)
 * run here, never in the backtracking RegExp engine: a Thompson NFA simulated in lockstep (Pike VM)
 * answers `test()` in O(pattern × input), so `^/(a+)+$` costs as much as `^/a+$`.
 * The supported subset is what path patterns need: literals, `.`, classes `[a-z\d_-]`, `\d \w \s`
 * (and negations), groups `(…)` `(?:…)` `(?<name>…)`, `|`, `* + ? {n} {n,} {n,m}` (lazy forms too),
 * `^ $`, and the `i` flag. Backreferences and lookarounds are refused (they need backtracking).
 */
import { SimulatorError } from '../errors.js';

/** Longest pattern source accepted. */
export const MAX_PATTERN_LENGTH = 512;
/** Largest compiled program (after expanding counted repeats). */
const MAX_PROGRAM = 4096;
/** Largest count in `{n,m}`. */
const MAX_REPEAT = 100;

type Predicate = (code: number) => boolean;

type Node =
  | { kind: 'char'; test: Predicate }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'alt'; options: Node[][] }
  | { kind: 'repeat'; body: Node; min: number; max: number };

type Instruction =
  | { op: 'char'; test: Predicate }
  | { op: 'split'; a: number; b: number }
  | { op: 'jump'; to: number }
  | { op: 'start' }
  | { op: 'end' }
  | { op: 'match' };

class PatternError extends Error {}

const isDigit: Predicate = (c) => c >= 48 && c <= 57;
const isWord: Predicate = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace: Predicate = (c) => c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff;
const not =
  (test: Predicate): Predicate =>
  (c) =>
    !test(c);

const ESCAPE_CLASSES: Record<string, Predicate> = {
  d: isDigit,
  D: not(isDigit),
  w: isWord,
  W: not(isWord),
  s: isSpace,
  S: not(isSpace),
};
const ESCAPE_CHARS: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, v: 11, '0': 0 };

class Parser {
  #at = 0;
  constructor(readonly source: string) {}

  parse(): Node {
    const node = this.#alternation();
    if (this.#at < this.source.length) {
      throw new PatternError(`unexpected ')' at ${this.#at}`);
    }
    return node;
  }

  #peek(): string | undefined {
    return this.source[this.#at];
  }

  #alternation(): Node {
    const options: Node[][] = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#at += 1;
      options.push(this.#sequence());
    }
    return { kind: 'alt', options };
  }

  #sequence(): Node[] {
    const items: Node[] = [];
    for (let next = this.#peek(); next !== undefined && next !== '|' && next !== ')'; next = this.#peek()) {
      items.push(this.#quantified(this.#atom()));
    }
    return items;
  }

  #quantified(atom: Node): Node {
    const next = this.#peek();
    let min: number;
    let max: number;
    if (next === '*' || next === '+' || next === '?') {
      this.#at += 1;
      [min, max] = next === '*' ? [0, -1] : next === '+' ? [1, -1] : [0, 1];
    } else if (next === '{' && /^\{\d+(,\d*)?\}/.test(this.source.slice(this.#at))) {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.#at)) as RegExpExecArray;
      this.#at += match[0].length;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? -1 : Number(match[3]);
      if (min > MAX_REPEAT || max > MAX_REPEAT || (max !== -1 && max < min)) {
        throw new PatternError(`repeat counts must be 0–${MAX_REPEAT} with min ≤ max`);
      }
    } else {
      return atom;
    }
    if (this.#peek() === '?') {
      this.#at += 1; // lazy: same answer for test()
    }
    if (atom.kind === 'start' || atom.kind === 'end') {
      throw new PatternError('nothing to repeat');
    }
    return { kind: 'repeat', body: atom, min, max };
  }

  #atom(): Node {
    const char = this.source[this.#at] as string;
    this.#at += 1;
    switch (char) {
      case '^':
        return { kind: 'start' };
      case '$':
        return { kind: 'end' };
      case '.':
        return { kind: 'char', test: (c) => c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029 };
      case '(':
        return this.#group();
      case '[':
        return { kind: 'char', test: this.#characterClass() };
      case '\\':
        return { kind: 'char', test: this.#escape(false) };
      case '*':
      case '+':
      case '?':
        throw new PatternError(`nothing to repeat at ${this.#at - 1}`);
      default: {
        const code = char.charCodeAt(0);
        return { kind: 'char', test: (c) => c === code };
      }
    }
  }

  #group(): Node {
    if (this.source.startsWith('?:', this.#at)) {
      this.#at += 2;
    } else if (/^\?<[A-Za-z_$][\w$]*>/.test(this.source.slice(this.#at))) {
      this.#at = this.source.indexOf('>', this.#at) + 1;
    } else if (this.#peek() === '?') {
      throw new PatternError('lookarounds are not supported');
    }
    const body = this.#alternation();
    if (this.#peek() !== ')') {
      throw new PatternError('unterminated group');
    }
    this.#at += 1;
    return body;
  }

  #escape(inClass: boolean): Predicate {
    const char = this.source[this.#at];
    if (char === undefined) {
      throw new PatternError('pattern ends with a backslash');
    }
    this.#at += 1;
    const cls = ESCAPE_CLASSES[char];
    if (cls !== undefined && Object.hasOwn(ESCAPE_CLASSES, char)) {
      return cls;
    }
    if (/[1-9k]/.test(char) || (char === 'b' && !inClass) || char === 'B') {
      throw new PatternError('backreferences and word boundaries are not supported');
    }
    if (char === 'u' || char === 'x') {
      const digits = char === 'u' ? 4 : 2;
      const hex = this.source.slice(this.#at, this.#at + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) {
        throw new PatternError(`bad \\${char} escape`);
      }
      this.#at += digits;
      const code = Number.parseInt(hex, 16);
      return (c) => c === code;
    }
    const code = Object.hasOwn(ESCAPE_CHARS, char) ? (ESCAPE_CHARS[char] as number) : char.charCodeAt(0);
    if (/[A-Za-z]/.test(char) && !Object.hasOwn(ESCAPE_CHARS, char)) {
      throw new PatternError(`unknown escape \\${char}`);
    }
    return (c) => c === code;
  }

  #characterClass(): Predicate {
    const negated = this.#peek() === '^';
    if (negated) {
      this.#at += 1;
    }
    const parts: Predicate[] = [];
    let first = true;
    while (this.#peek() !== ']' || first) {
      first = false;
      const char = this.#peek();
      if (char === undefined) {
        throw new PatternError('unterminated character class');
      }
      let low: Predicate;
      let lowCode: number | undefined;
      this.#at += 1;
      if (char === '\\') {
        const before = this.#at;
        low = this.#escape(true);
        const escaped = this.source[before] as string;
        lowCode = Object.hasOwn(ESCAPE_CLASSES, escaped) ? undefined : singleCode(this.source, before);
      } else {
        lowCode = char.charCodeAt(0);
        const code = lowCode;
        low = (c) => c === code;
      }
      if (
        this.#peek() === '-' &&
        this.source[this.#at + 1] !== ']' &&
        this.source[this.#at + 1] !== undefined
      ) {
        this.#at += 1;
        const highChar = this.source[this.#at] as string;
        this.#at += 1;
        let highCode: number | undefined;
        if (highChar === '\\') {
          const before = this.#at;
          this.#escape(true);
          highCode = Object.hasOwn(ESCAPE_CLASSES, this.source[before] as string)
            ? undefined
            : singleCode(this.source, before);
        } else {
          highCode = highChar.charCodeAt(0);
        }
        if (lowCode === undefined || highCode === undefined || highCode < lowCode) {
          throw new PatternError('bad range in a character class');
        }
        const [from, to] = [lowCode, highCode];
        parts.push((c) => c >= from && c <= to);
      } else {
        parts.push(low);
      }
    }
    this.#at += 1;
    const any: Predicate = (c) => parts.some((part) => part(c));
    return negated ? not(any) : any;
  }
}

/** The code unit an escape at `at` (just after the backslash) stands for. */
function singleCode(source: string, at: number): number {
  const char = source[at] as string;
  if (char === 'u' || char === 'x') {
    return Number.parseInt(source.slice(at + 1, at + (char === 'u' ? 5 : 3)), 16);
  }
  return Object.hasOwn(ESCAPE_CHARS, char) ? (ESCAPE_CHARS[char] as number) : char.charCodeAt(0);
}

class Compiler {
  readonly program: Instruction[] = [];

  #push(instruction: Instruction): number {
    if (this.program.length >= MAX_PROGRAM) {
      throw new PatternError(`pattern too complex (over ${MAX_PROGRAM} steps once repeats are expanded)`);
    }
    this.program.push(instruction);
    return this.program.length - 1;
  }

  emit(node: Node): void {
    switch (node.kind) {
      case 'char':
        this.#push({ op: 'char', test: node.test });
        return;
      case 'start':
      case 'end':
        this.#push({ op: node.kind });
        return;
      case 'alt':
        this.#alternatives(node.options);
        return;
      case 'repeat':
        this.#repeat(node);
        return;
    }
  }

  #alternatives(options: Node[][]): void {
    const jumps: number[] = [];
    options.forEach((sequence, index) => {
      const last = index === options.length - 1;
      const split = last ? -1 : this.#push({ op: 'split', a: 0, b: 0 });
      if (split !== -1) {
        (this.program[split] as { a: number }).a = this.program.length;
      }
      for (const item of sequence) {
        this.emit(item);
      }
      if (!last) {
        jumps.push(this.#push({ op: 'jump', to: 0 }));
        (this.program[split] as { b: number }).b = this.program.length;
      }
    });
    for (const jump of jumps) {
      (this.program[jump] as { to: number }).to = this.program.length;
    }
  }

  #repeat(node: { body: Node; min: number; max: number }): void {
    for (let i = 0; i < node.min; i += 1) {
      this.emit(node.body);
    }
    if (node.max === -1) {
      const split = this.#push({ op: 'split', a: 0, b: 0 });
      (this.program[split] as { a: number }).a = this.program.length;
      this.emit(node.body);
      this.#push({ op: 'jump', to: split });
      (this.program[split] as { b: number }).b = this.program.length;
      return;
    }
    const splits: number[] = [];
    for (let i = node.min; i < node.max; i += 1) {
      const split = this.#push({ op: 'split', a: 0, b: 0 });
      (this.program[split] as { a: number }).a = this.program.length;
      splits.push(split);
      this.emit(node.body);
    }
    for (const split of splits) {
      (this.program[split] as { b: number }).b = this.program.length;
    }
  }
}

function caseless(test: Predicate): Predicate {
  return (c) => {
    if (test(c)) {
      return true;
    }
    const char = String.fromCharCode(c);
    const lower = char.toLowerCase();
    const other = lower === char ? char.toUpperCase() : lower;
    return other.length === 1 && other !== char && test(other.charCodeAt(0));
  };
}

/** Adds `pc` and everything reachable from it without reading a character to `list`. */
function addThread(
  program: readonly Instruction[],
  list: number[],
  seen: Uint32Array,
  generation: number,
  pc: number,
  position: number,
  length: number,
): void {
  const stack = [pc];
  while (stack.length > 0) {
    const at = stack.pop() as number;
    if (seen[at] === generation) {
      continue;
    }
    seen[at] = generation;
    const instruction = program[at] as Instruction;
    switch (instruction.op) {
      case 'jump':
        stack.push(instruction.to);
        break;
      case 'split':
        stack.push(instruction.b, instruction.a);
        break;
      case 'start':
        if (position === 0) {
          stack.push(at + 1);
        }
        break;
      case 'end':
        if (position === length) {
          stack.push(at + 1);
        }
        break;
      default:
        list.push(at);
    }
  }
}

/**
 * A RegExp whose test() and exec() run the linear-time matcher: it goes wherever the engine takes a
 * RegExp (journal patterns, fault rules) without changing their types. exec() reports only whether
 * and not where it matched (index 0, the whole input), which is all test-style callers read.
 */
export class SafeRegExp extends RegExp {
  readonly #source: string;
  readonly #flags: string;
  readonly #test: (input: string) => boolean;

  constructor(source: string, flags: string, test: (input: string) => boolean) {
    super('(?!)');
    this.#source = source;
    this.#flags = flags;
    this.#test = test;
  }

  override get source(): string {
    return this.#source;
  }

  override get flags(): string {
    return this.#flags;
  }

  override test(input: string): boolean {
    return this.#test(String(input));
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    if (!this.#test(text)) {
      return null;
    }
    return Object.assign([text], { index: 0, input: text, groups: undefined }) as unknown as RegExpExecArray;
  }

  override toString(): string {
    return `/${this.#source}/${this.#flags}`;
  }
}

/**
 * Compiles `source` (the text between the slashes) with `flags` ('' or 'i'). Throws SimulatorError
 * BAD_REQUEST naming what is too long, unsupported or malformed.
 */
export function compileSafePattern(source: string, flags = ''): SafeRegExp {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new SimulatorError('BAD_REQUEST', `pattern longer than ${MAX_PATTERN_LENGTH} characters`);
  }
  if (!/^i?$/.test(flags)) {
    throw new SimulatorError('BAD_REQUEST', `pattern flags may only be 'i', got '${flags.slice(0, 10)}'`);
  }
  const compiler = new Compiler();
  try {
    compiler.emit(new Parser(source).parse());
  } catch (error) {
    if (error instanceof PatternError) {
      throw new SimulatorError('BAD_REQUEST', `unsupported or invalid pattern: ${error.message}`);
    }
    throw error;
  }
  const program = compiler.program.map((instruction) =>
    flags === 'i' && instruction.op === 'char'
      ? { op: 'char' as const, test: caseless(instruction.test) }
      : instruction,
  );
  program.push({ op: 'match' });
  const matchAt = program.length - 1;
  return new SafeRegExp(source, flags, (input: string): boolean => {
    const seen = new Uint32Array(program.length);
    let generation = 1;
    let current: number[] = [];
    let next: number[] = [];
    for (let position = 0; position <= input.length; position += 1) {
      // Unanchored search: a new thread starts at every position.
      addThread(program, current, seen, generation, 0, position, input.length);
      if (current.includes(matchAt)) {
        return true;
      }
      if (position === input.length) {
        break;
      }
      const code = input.charCodeAt(position);
      generation += 1;
      for (const pc of current) {
        const instruction = program[pc] as Instruction;
        if (instruction.op === 'char' && instruction.test(code)) {
          addThread(program, next, seen, generation, pc + 1, position + 1, input.length);
        }
      }
      [current, next] = [next, current];
      next.length = 0;
    }
    return false;
  });
}

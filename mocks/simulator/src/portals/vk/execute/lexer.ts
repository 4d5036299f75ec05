/**
 * Tokens of VKScript (a JavaScript-like language): numbers, strings with JSON escapes, names, and
 * the operators execute supports (`@.` plucks a field from every element). `//` and block comments
 * are skipped. Anything else → CompileError (VK's 12 «Unable to compile code»).
 */
export type TokenKind = 'number' | 'string' | 'name' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  value: string;
  number?: number;
  line: number;
}

export class CompileError extends Error {}

const PUNCT_2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '+=', '-=', '@.']);
const PUNCT_1 = new Set([...'{}[]();,.:=+-*/%<>!']);
const ESCAPES = new Map([
  ['n', '\n'],
  ['t', '\t'],
  ['r', '\r'],
  ['b', '\b'],
  ['f', '\f'],
  ['"', '"'],
  ["'", "'"],
  ['\\', '\\'],
  ['/', '/'],
]);

export function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  while (i < code.length) {
    const char = code[i] as string;
    if (char === '\n') {
      line += 1;
      i += 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      i += 1;
      continue;
    }
    if (char === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') {
        i += 1;
      }
      continue;
    }
    if (char === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end === -1) {
        throw new CompileError(`unterminated comment in line ${line}`);
      }
      line += code.slice(i, end).split('\n').length - 1;
      i = end + 2;
      continue;
    }
    if (/[0-9]/.test(char)) {
      const match = /^(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(code.slice(i, i + 400));
      const text = match?.[0] ?? char;
      tokens.push({ kind: 'number', value: text, number: Number(text), line });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_$]/.test(char)) {
      let end = i + 1;
      while (end < code.length && /[A-Za-z0-9_$]/.test(code[end] as string)) {
        end += 1;
      }
      tokens.push({ kind: 'name', value: code.slice(i, end), line });
      i = end;
      continue;
    }
    if (char === '"' || char === "'") {
      const [value, next] = readString(code, i, line);
      tokens.push({ kind: 'string', value, line });
      i = next;
      continue;
    }
    const two = code.slice(i, i + 2);
    if (PUNCT_2.has(two)) {
      tokens.push({ kind: 'punct', value: two, line });
      i += 2;
      continue;
    }
    if (PUNCT_1.has(char)) {
      tokens.push({ kind: 'punct', value: char, line });
      i += 1;
      continue;
    }
    throw new CompileError(`unexpected character ${JSON.stringify(char)} in line ${line}`);
  }
  tokens.push({ kind: 'end', value: '', line });
  return tokens;
}

function readString(code: string, start: number, line: number): [string, number] {
  const quote = code[start];
  let out = '';
  let i = start + 1;
  while (i < code.length) {
    const char = code[i] as string;
    if (char === quote) {
      return [out, i + 1];
    }
    if (char === '\n') {
      break;
    }
    if (char === '\\') {
      const next = code[i + 1] ?? '';
      if (next === 'u') {
        const hex = code.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw new CompileError(`bad \\u escape in line ${line}`);
        }
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 6;
        continue;
      }
      const escaped = ESCAPES.get(next);
      if (escaped === undefined) {
        throw new CompileError(`bad escape \\${next} in line ${line}`);
      }
      out += escaped;
      i += 2;
      continue;
    }
    out += char;
    i += 1;
  }
  throw new CompileError(`unterminated string in line ${line}`);
}

/**
 * Parses the VKScript subset: `var`, assignment (`=`, `+=`, `-=`), `if`/`else`, `while`, `return`,
 * blocks; literals, arrays, objects, `a.b`, `a[i]`, `a@.b`, calls, `API.group.method({...})`, `Args.x`,
 * unary `! - +`, binary `* / % + - < > <= >= == !=`, `&& ||`. Semicolons are optional. The tree's depth
 * is bounded (evaluation recurses along it); anything else → CompileError.
 */
import type { AssignTarget, Expression, Statement } from './ast.js';
import { CompileError, type Token, tokenize } from './lexer.js';
import { EXECUTE_LIMITS } from './limits.js';

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];
const KEYWORDS = new Set(['var', 'return', 'if', 'else', 'while', 'true', 'false', 'null']);

function depthOf(...children: ({ d: number } | undefined)[]): number {
  let depth = 0;
  for (const child of children) {
    if (child !== undefined && child.d > depth) {
      depth = child.d;
    }
  }
  if (depth + 1 > EXECUTE_LIMITS.maxDepth) {
    throw new CompileError(`nesting deeper than ${EXECUTE_LIMITS.maxDepth}`);
  }
  return depth + 1;
}

class Parser {
  readonly #tokens: Token[];
  #at = 0;
  /** Recursion of the parser itself: checked on the way down, before a deep input can overflow the stack. */
  #nesting = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  get #current(): Token {
    return this.#tokens[this.#at] as Token;
  }

  #is(value: string): boolean {
    const token = this.#current;
    return (token.kind === 'punct' || token.kind === 'name') && token.value === value;
  }

  #take(value: string): boolean {
    if (this.#is(value)) {
      this.#at += 1;
      return true;
    }
    return false;
  }

  #expect(value: string): void {
    if (!this.#take(value)) {
      throw this.#unexpected(`'${value}' expected`);
    }
  }

  #unexpected(what = 'unexpected token'): CompileError {
    const token = this.#current;
    const found = token.kind === 'end' ? 'end of code' : JSON.stringify(token.value.slice(0, 40));
    return new CompileError(`${what}, found ${found} in line ${token.line}`);
  }

  #name(): string {
    const token = this.#current;
    if (token.kind !== 'name' || KEYWORDS.has(token.value)) {
      throw this.#unexpected('name expected');
    }
    this.#at += 1;
    return token.value;
  }

  program(): Statement[] {
    const body: Statement[] = [];
    while (this.#current.kind !== 'end') {
      body.push(this.#statement());
    }
    return body;
  }

  #nested<T>(parse: () => T): T {
    this.#nesting += 1;
    if (this.#nesting > EXECUTE_LIMITS.maxDepth) {
      throw new CompileError(`nesting deeper than ${EXECUTE_LIMITS.maxDepth}`);
    }
    try {
      return parse();
    } finally {
      this.#nesting -= 1;
    }
  }

  #statement(): Statement {
    return this.#nested(() => this.#statementAt());
  }

  #statementAt(): Statement {
    if (this.#take(';')) {
      return { type: 'block', body: [], d: 1 };
    }
    if (this.#take('{')) {
      const body: Statement[] = [];
      while (!this.#take('}')) {
        if (this.#current.kind === 'end') {
          throw this.#unexpected("'}' expected");
        }
        body.push(this.#statement());
      }
      return { type: 'block', body, d: depthOf(...body) };
    }
    if (this.#take('var')) {
      const declarations: { name: string; init: Expression | undefined }[] = [];
      do {
        const name = this.#name();
        const init = this.#take('=') ? this.#expression() : undefined;
        declarations.push({ name, init });
      } while (this.#take(','));
      this.#take(';');
      return { type: 'var', declarations, d: depthOf(...declarations.map((item) => item.init)) };
    }
    if (this.#take('return')) {
      const argument =
        this.#is(';') || this.#is('}') || this.#current.kind === 'end' ? undefined : this.#expression();
      this.#take(';');
      return { type: 'return', argument, d: depthOf(argument) };
    }
    if (this.#take('if')) {
      this.#expect('(');
      const test = this.#expression();
      this.#expect(')');
      const consequent = this.#statement();
      const alternate = this.#take('else') ? this.#statement() : undefined;
      return { type: 'if', test, consequent, alternate, d: depthOf(test, consequent, alternate) };
    }
    if (this.#take('while')) {
      this.#expect('(');
      const test = this.#expression();
      this.#expect(')');
      const body = this.#statement();
      return { type: 'while', test, body, d: depthOf(test, body) };
    }
    const expression = this.#expression();
    for (const operator of ['=', '+=', '-='] as const) {
      if (this.#take(operator)) {
        if (expression.type !== 'identifier' && expression.type !== 'member' && expression.type !== 'index') {
          throw this.#unexpected('only a name, a.b or a[i] can be assigned');
        }
        const value = this.#expression();
        this.#take(';');
        const target: AssignTarget = expression;
        return { type: 'assign', operator, target, value, d: depthOf(target, value) };
      }
    }
    this.#take(';');
    return { type: 'expression', expression, d: depthOf(expression) };
  }

  #expression(): Expression {
    return this.#nested(() => this.#or());
  }

  #or(): Expression {
    let left = this.#and();
    while (this.#take('||')) {
      const right = this.#and();
      left = { type: 'logical', operator: '||', left, right, d: depthOf(left, right) };
    }
    return left;
  }

  #and(): Expression {
    let left = this.#binary(0);
    while (this.#take('&&')) {
      const right = this.#binary(0);
      left = { type: 'logical', operator: '&&', left, right, d: depthOf(left, right) };
    }
    return left;
  }

  #binary(level: number): Expression {
    const operators = BINARY_LEVELS[level];
    if (operators === undefined) {
      return this.#unary();
    }
    let left = this.#binary(level + 1);
    for (;;) {
      const operator = operators.find(
        (candidate) => this.#current.kind === 'punct' && this.#current.value === candidate,
      );
      if (operator === undefined) {
        return left;
      }
      this.#at += 1;
      const right = this.#binary(level + 1);
      left = { type: 'binary', operator, left, right, d: depthOf(left, right) };
    }
  }

  #unary(): Expression {
    for (const operator of ['!', '-', '+'] as const) {
      if (this.#take(operator)) {
        const argument = this.#nested(() => this.#unary());
        return { type: 'unary', operator, argument, d: depthOf(argument) };
      }
    }
    return this.#postfix();
  }

  #postfix(): Expression {
    if (this.#is('API')) {
      return this.#apiCall();
    }
    let node = this.#primary();
    for (;;) {
      if (this.#take('.')) {
        const property = this.#propertyName();
        node = { type: 'member', object: node, property, d: depthOf(node) };
      } else if (this.#take('@.')) {
        const property = this.#propertyName();
        node = { type: 'pluck', object: node, property, d: depthOf(node) };
      } else if (this.#take('[')) {
        const index = this.#expression();
        this.#expect(']');
        node = { type: 'index', object: node, index, d: depthOf(node, index) };
      } else if (this.#take('(')) {
        const args = this.#arguments();
        node = { type: 'call', callee: node, args, d: depthOf(node, ...args) };
      } else {
        return node;
      }
    }
  }

  #propertyName(): string {
    const token = this.#current;
    if (token.kind !== 'name') {
      throw this.#unexpected('property name expected');
    }
    this.#at += 1;
    return token.value;
  }

  #apiCall(): Expression {
    this.#at += 1;
    const parts: string[] = [];
    while (this.#take('.')) {
      parts.push(this.#propertyName());
    }
    if (parts.length !== 2 || !this.#take('(')) {
      throw this.#unexpected('API.<section>.<method>( expected');
    }
    const args = this.#arguments();
    let node: Expression = { type: 'api', method: parts.join('.'), args, d: depthOf(...args) };
    // A result can be read on the spot: API.users.get({...})[0].id, API.x.y({...})@.id.
    for (;;) {
      if (this.#take('.')) {
        node = { type: 'member', object: node, property: this.#propertyName(), d: depthOf(node) };
      } else if (this.#take('@.')) {
        node = { type: 'pluck', object: node, property: this.#propertyName(), d: depthOf(node) };
      } else if (this.#take('[')) {
        const index = this.#expression();
        this.#expect(']');
        node = { type: 'index', object: node, index, d: depthOf(node, index) };
      } else {
        return node;
      }
    }
  }

  #arguments(): Expression[] {
    const args: Expression[] = [];
    if (this.#take(')')) {
      return args;
    }
    do {
      args.push(this.#expression());
    } while (this.#take(','));
    this.#expect(')');
    return args;
  }

  #primary(): Expression {
    const token = this.#current;
    if (token.kind === 'number') {
      this.#at += 1;
      return { type: 'literal', value: token.number ?? Number.NaN, d: 1 };
    }
    if (token.kind === 'string') {
      this.#at += 1;
      return { type: 'literal', value: token.value, d: 1 };
    }
    if (this.#take('true')) {
      return { type: 'literal', value: true, d: 1 };
    }
    if (this.#take('false')) {
      return { type: 'literal', value: false, d: 1 };
    }
    if (this.#take('null')) {
      return { type: 'literal', value: null, d: 1 };
    }
    if (this.#take('(')) {
      const inner = this.#expression();
      this.#expect(')');
      return inner;
    }
    if (this.#take('[')) {
      const elements: Expression[] = [];
      while (!this.#take(']')) {
        elements.push(this.#expression());
        if (!this.#take(',')) {
          this.#expect(']');
          break;
        }
      }
      return { type: 'array', elements, d: depthOf(...elements) };
    }
    if (this.#take('{')) {
      const properties: { key: string; value: Expression }[] = [];
      while (!this.#take('}')) {
        const key = this.#current;
        if (key.kind !== 'name' && key.kind !== 'string' && key.kind !== 'number') {
          throw this.#unexpected('property name expected');
        }
        this.#at += 1;
        this.#expect(':');
        properties.push({ key: key.value, value: this.#expression() });
        if (!this.#take(',')) {
          this.#expect('}');
          break;
        }
      }
      return { type: 'object', properties, d: depthOf(...properties.map((item) => item.value)) };
    }
    if (token.kind === 'name' && !KEYWORDS.has(token.value)) {
      this.#at += 1;
      return { type: 'identifier', name: token.value, d: 1 };
    }
    throw this.#unexpected();
  }
}

export function parseProgram(code: string): Statement[] {
  return new Parser(tokenize(code)).program();
}

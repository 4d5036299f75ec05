/**
 * Runs parsed VKScript against a host that performs the API calls. Bounded by EXECUTE_LIMITS: API
 * calls, work units (nodes evaluated plus elements and characters copied), value sizes and depth.
 * A failed API call evaluates to `false` and adds an entry to execute_errors, as VK does.
 */
import type { Expression, Statement } from './ast.js';
import { EXECUTE_LIMITS } from './limits.js';
import {
  arithmetic,
  compare,
  getField,
  isObject,
  looseEquals,
  newObject,
  type ObjectValue,
  RuntimeFailure,
  setField,
  toNumber,
  toText,
  truthy,
  type Value,
  valueDepth,
} from './values.js';

export interface ExecuteError {
  method: string;
  error_code: number;
  error_msg: string;
}

export interface ExecuteHost {
  /** One API call; a VK error comes back as `error` (a captcha may throw to abort the whole execute). */
  call(
    method: string,
    params: Map<string, string>,
  ): { value: unknown } | { error: { code: number; message: string } };
  /** `Args.<name>`: the execute request's own parameters. */
  arg(name: string): string | undefined;
}

export interface ExecuteResult {
  response: Value;
  errors: ExecuteError[];
}

class Returned {
  constructor(readonly value: Value) {}
}

const BUILTINS = new Set(['parseInt', 'parseDouble']);

export class Interpreter {
  readonly #host: ExecuteHost;
  readonly #variables = new Map<string, Value>();
  readonly errors: ExecuteError[] = [];
  #steps = 0;
  #calls = 0;

  constructor(host: ExecuteHost) {
    this.#host = host;
  }

  run(program: Statement[]): ExecuteResult {
    let response: Value = null;
    for (const statement of program) {
      const outcome = this.#execute(statement);
      if (outcome !== undefined) {
        response = outcome.value;
        break;
      }
    }
    if (valueDepth(response, EXECUTE_LIMITS.maxValueDepth) > EXECUTE_LIMITS.maxValueDepth) {
      throw new RuntimeFailure(`result nested deeper than ${EXECUTE_LIMITS.maxValueDepth}`);
    }
    return { response, errors: this.errors };
  }

  #charge(units: number): void {
    this.#steps += units;
    if (this.#steps > EXECUTE_LIMITS.maxSteps) {
      throw new RuntimeFailure('Too many operations');
    }
  }

  #execute(statement: Statement): Returned | undefined {
    this.#charge(1);
    switch (statement.type) {
      case 'var':
        for (const { name, init } of statement.declarations) {
          this.#variables.set(name, init === undefined ? null : this.#evaluate(init));
        }
        return undefined;
      case 'assign':
        this.#assign(statement);
        return undefined;
      case 'expression':
        this.#evaluate(statement.expression);
        return undefined;
      case 'return':
        return new Returned(statement.argument === undefined ? null : this.#evaluate(statement.argument));
      case 'if':
        if (truthy(this.#evaluate(statement.test))) {
          return this.#execute(statement.consequent);
        }
        return statement.alternate === undefined ? undefined : this.#execute(statement.alternate);
      case 'while':
        while (truthy(this.#evaluate(statement.test))) {
          const outcome = this.#execute(statement.body);
          if (outcome !== undefined) {
            return outcome;
          }
        }
        return undefined;
      case 'block':
        for (const inner of statement.body) {
          const outcome = this.#execute(inner);
          if (outcome !== undefined) {
            return outcome;
          }
        }
        return undefined;
    }
  }

  #assign(statement: Extract<Statement, { type: 'assign' }>): void {
    const { target } = statement;
    let value = this.#evaluate(statement.value);
    if (statement.operator !== '=') {
      const current = this.#evaluate(target);
      value = statement.operator === '+=' ? this.#plus(current, value) : arithmetic('-', current, value);
    }
    if (target.type === 'identifier') {
      if (target.name === 'API' || target.name === 'Args') {
        throw new RuntimeFailure(`${target.name} can not be assigned`);
      }
      this.#variables.set(target.name, value);
      return;
    }
    const object = this.#evaluate(target.object);
    if (target.type === 'member') {
      if (!isObject(object)) {
        throw new RuntimeFailure(`can not set field ${target.property} of a non-object`);
      }
      setField(object, target.property, value);
      return;
    }
    const index = this.#evaluate(target.index);
    if (Array.isArray(object)) {
      const position = toNumber(index);
      if (!Number.isInteger(position) || position < 0 || position > object.length) {
        throw new RuntimeFailure('array index out of range');
      }
      this.#checkLength(position + 1);
      object[position] = value;
      return;
    }
    if (!isObject(object)) {
      throw new RuntimeFailure('can not set an element of a non-object');
    }
    setField(object, toText(index), value);
  }

  #evaluate(node: Expression): Value {
    this.#charge(1);
    switch (node.type) {
      case 'literal':
        return node.value;
      case 'array': {
        this.#checkLength(node.elements.length);
        return node.elements.map((element) => this.#evaluate(element));
      }
      case 'object': {
        const object = newObject();
        for (const { key, value } of node.properties) {
          setField(object, key, this.#evaluate(value));
        }
        return object;
      }
      case 'identifier':
        return this.#variable(node.name);
      case 'member':
        return this.#member(node);
      case 'index': {
        const object = this.#evaluate(node.object);
        const index = this.#evaluate(node.index);
        if (Array.isArray(object) || typeof object === 'string') {
          const position = toNumber(index);
          return Number.isInteger(position) && position >= 0 && position < object.length
            ? (object[position] ?? null)
            : null;
        }
        return getField(object, toText(index));
      }
      case 'pluck': {
        const object = this.#evaluate(node.object);
        if (!Array.isArray(object)) {
          return null;
        }
        this.#charge(object.length);
        return object.map((item) => getField(item, node.property));
      }
      case 'call':
        return this.#call(node);
      case 'api':
        return this.#api(node);
      case 'unary': {
        const value = this.#evaluate(node.argument);
        if (node.operator === '!') {
          return !truthy(value);
        }
        return arithmetic('*', value, node.operator === '-' ? -1 : 1);
      }
      case 'logical': {
        const left = this.#evaluate(node.left);
        if (node.operator === '&&' ? !truthy(left) : truthy(left)) {
          return left;
        }
        return this.#evaluate(node.right);
      }
      case 'binary': {
        const left = this.#evaluate(node.left);
        const right = this.#evaluate(node.right);
        switch (node.operator) {
          case '+':
            return this.#plus(left, right);
          case '==':
            return looseEquals(left, right);
          case '!=':
            return !looseEquals(left, right);
          case '<':
          case '>':
          case '<=':
          case '>=':
            return compare(node.operator, left, right);
          default:
            return arithmetic(node.operator, left, right);
        }
      }
    }
  }

  #variable(name: string): Value {
    if (!this.#variables.has(name)) {
      throw new RuntimeFailure(`undefined variable ${name.slice(0, 40)}`);
    }
    return this.#variables.get(name) ?? null;
  }

  #member(node: Extract<Expression, { type: 'member' }>): Value {
    if (node.object.type === 'identifier' && node.object.name === 'Args') {
      return this.#host.arg(node.property) ?? null;
    }
    const object = this.#evaluate(node.object);
    if (node.property === 'length' && (Array.isArray(object) || typeof object === 'string')) {
      return object.length;
    }
    return getField(object, node.property);
  }

  #plus(left: Value, right: Value): Value {
    if (Array.isArray(left) || Array.isArray(right)) {
      const joined = [
        ...(Array.isArray(left) ? left : left === null ? [] : [left]),
        ...(Array.isArray(right) ? right : right === null ? [] : [right]),
      ];
      this.#checkLength(joined.length);
      this.#charge(joined.length);
      return joined;
    }
    if (typeof left === 'string' || typeof right === 'string') {
      const text = toText(left) + toText(right);
      if (text.length > EXECUTE_LIMITS.maxStringLength) {
        throw new RuntimeFailure(`string longer than ${EXECUTE_LIMITS.maxStringLength} characters`);
      }
      this.#charge(Math.ceil(text.length / 64));
      return text;
    }
    const sum = toNumber(left) + toNumber(right);
    if (!Number.isFinite(sum)) {
      throw new RuntimeFailure('Invalid operands of +');
    }
    return sum;
  }

  #checkLength(length: number): void {
    if (length > EXECUTE_LIMITS.maxArrayLength) {
      throw new RuntimeFailure(`array longer than ${EXECUTE_LIMITS.maxArrayLength} elements`);
    }
  }

  #call(node: Extract<Expression, { type: 'call' }>): Value {
    const args = () => node.args.map((arg) => this.#evaluate(arg));
    if (node.callee.type === 'identifier') {
      if (!BUILTINS.has(node.callee.name)) {
        throw new RuntimeFailure(`unknown function ${node.callee.name.slice(0, 40)}`);
      }
      const text = toText(args()[0] ?? null).trim();
      const parsed = node.callee.name === 'parseInt' ? Number.parseInt(text, 10) : Number.parseFloat(text);
      return Number.isFinite(parsed) ? parsed : 0;
    }
    if (node.callee.type !== 'member') {
      throw new RuntimeFailure('only functions and methods can be called');
    }
    const target = this.#evaluate(node.callee.object);
    return this.#method(target, node.callee.property, args());
  }

  #method(target: Value, name: string, args: Value[]): Value {
    const [first = null, second = null] = args;
    if (Array.isArray(target)) {
      this.#charge(target.length);
      switch (name) {
        case 'push':
          this.#checkLength(target.length + args.length);
          return target.push(...args);
        case 'pop':
          return target.pop() ?? null;
        case 'shift':
          return target.shift() ?? null;
        case 'unshift':
          this.#checkLength(target.length + args.length);
          return target.unshift(...args);
        case 'splice':
          return target.splice(toNumber(first) || 0, second === null ? target.length : toNumber(second) || 0);
        case 'slice':
          return target.slice(toNumber(first) || 0, second === null ? undefined : toNumber(second) || 0);
        case 'indexOf':
          return target.findIndex((item) => looseEquals(item, first));
        case 'join':
          return target
            .map((item) => (Array.isArray(item) || isObject(item) ? '' : toText(item)))
            .join(first === null ? ',' : toText(first));
      }
    }
    if (typeof target === 'string') {
      this.#charge(Math.ceil(target.length / 64));
      switch (name) {
        case 'split': {
          const parts = target.split(toText(first));
          this.#checkLength(parts.length);
          return parts;
        }
        case 'substr': {
          const from = toNumber(first) || 0;
          const start = from < 0 ? Math.max(0, target.length + from) : from;
          const length = second === null ? target.length : Math.max(0, toNumber(second) || 0);
          return target.slice(start, start + length);
        }
        case 'indexOf':
          return target.indexOf(toText(first));
      }
    }
    throw new RuntimeFailure(`unknown method ${name.slice(0, 40)}`);
  }

  #api(node: Extract<Expression, { type: 'api' }>): Value {
    this.#calls += 1;
    if (this.#calls > EXECUTE_LIMITS.maxApiCalls) {
      throw new RuntimeFailure('Too many API calls');
    }
    const argument = node.args[0] === undefined ? null : this.#evaluate(node.args[0]);
    const params = toParams(argument);
    const outcome = this.#host.call(node.method, params);
    if ('error' in outcome) {
      this.errors.push({
        method: node.method,
        error_code: outcome.error.code,
        error_msg: outcome.error.message,
      });
      return false;
    }
    return structuredClone(outcome.value ?? null) as Value;
  }
}

/** API parameters from an object value: numbers and strings as text, booleans 1/0, arrays comma-joined. */
export function toParams(argument: Value): Map<string, string> {
  const params = new Map<string, string>();
  if (!isObject(argument)) {
    return params;
  }
  for (const key of Object.keys(argument)) {
    const value = (argument as ObjectValue)[key] ?? null;
    if (value === null) {
      continue;
    }
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : toText(value));
  }
  return params;
}

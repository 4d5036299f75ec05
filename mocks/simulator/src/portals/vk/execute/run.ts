/** Compiles and runs execute's `code`: 12 for what does not compile, 13 for what fails at run time. */
import { VkApiFailure } from '../errors.js';
import { type ExecuteHost, type ExecuteResult, Interpreter } from './interpreter.js';
import { CompileError } from './lexer.js';
import { EXECUTE_LIMITS } from './limits.js';
import { parseProgram } from './parser.js';
import { RuntimeFailure } from './values.js';

export function runExecute(code: string, host: ExecuteHost): ExecuteResult {
  if (code.length > EXECUTE_LIMITS.maxCodeLength) {
    throw new VkApiFailure(12, `code is longer than ${EXECUTE_LIMITS.maxCodeLength} characters`);
  }
  let program: ReturnType<typeof parseProgram>;
  try {
    program = parseProgram(code);
  } catch (error) {
    if (error instanceof CompileError) {
      throw new VkApiFailure(12, error.message);
    }
    throw error;
  }
  try {
    return new Interpreter(host).run(program);
  } catch (error) {
    if (error instanceof RuntimeFailure) {
      throw new VkApiFailure(13, error.message);
    }
    throw error;
  }
}

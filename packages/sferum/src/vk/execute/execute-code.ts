/**
 * The VKScript an `execute` runs: `return [API.<method>({...}), …];` — the shape vk-io's parallel
 * mode sends. Method names are checked against a strict pattern and parameters are JSON string or
 * number literals, so no caller value can break out of its literal into the code.
 */
import { checkMethodName, paramsRecord, type VkParams } from '../params.js';

/** One call packed into an `execute`. */
export interface VkExecuteCall {
  method: string;
  params?: VkParams;
}

/** VK runs at most 25 API calls per `execute`. */
export const EXECUTE_MAX_CALLS = 25;

// JSON leaves U+2028/U+2029 raw, which older JavaScript-like parsers read as line breaks in a string.
const LINE_SEPARATORS = /[\u2028\u2029]/g;
const escapeSeparator = (char: string) => (char === '\u2028' ? '\\u2028' : '\\u2029');

export function executeCode(calls: readonly VkExecuteCall[]): string {
  let code = 'return [';
  for (let i = 0; i < calls.length; i += 1) {
    const call = calls[i] as VkExecuteCall;
    checkMethodName(call.method);
    const json = JSON.stringify(paramsRecord(call.params)).replace(LINE_SEPARATORS, escapeSeparator);
    code += `${i === 0 ? '' : ','}API.${call.method}(${json})`;
  }
  return `${code}];`;
}

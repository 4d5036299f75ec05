/**
 * Minimal MSW handlers for client-behaviour tests: one route `POST <base>/method/:name` that records
 * each request's form body and answers with what the test's responder returns. Not a VK simulator —
 * the `vk` portal of @goskit/simulator is that.
 */
import { HttpResponse, http } from 'msw';

export interface RecordedCall {
  method: string;
  form: URLSearchParams;
  headers: Headers;
}

export type Responder = (
  call: RecordedCall,
  index: number,
) => unknown | Response | Promise<unknown | Response>;

export function vkRoute(base: string, respond: Responder, calls: RecordedCall[] = []) {
  const handler = http.post(`${base}/method/:name`, async ({ request, params }) => {
    const form = new URLSearchParams(await request.text());
    const call = { method: String(params.name), form, headers: request.headers };
    calls.push(call);
    const answer = await respond(call, calls.length - 1);
    return answer instanceof Response ? answer : HttpResponse.json(answer as Record<string, unknown>);
  });
  return { handler, calls };
}

export const vkError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({
  error: {
    error_code: code,
    error_msg: message,
    request_params: [
      { key: 'method', value: 'x' },
      { key: 'oauth', value: '1' },
    ],
    ...extra,
  },
});

/** Reads `return [API.a.b({...}),…];` into calls — enough to answer an execute in a test. */
export function parseExecuteCode(code: string): { method: string; params: Record<string, unknown> }[] {
  const out: { method: string; params: Record<string, unknown> }[] = [];
  let i = code.indexOf('[') + 1;
  while (i > 0 && i < code.length) {
    const start = code.indexOf('API.', i);
    if (start < 0) {
      break;
    }
    const open = code.indexOf('(', start);
    const method = code.slice(start + 4, open);
    let depth = 0;
    let inString = false;
    let end = open + 1;
    for (; end < code.length; end += 1) {
      const char = code[end];
      if (inString) {
        if (char === '\\') {
          end += 1;
        } else if (char === '"') {
          inString = false;
        }
      } else if (char === '"') {
        inString = true;
      } else if (char === '{') {
        depth += 1;
      } else if (char === '}') {
        depth -= 1;
        if (depth === 0) {
          break;
        }
      }
    }
    out.push({ method, params: JSON.parse(code.slice(open + 1, end + 1)) });
    i = end + 2;
  }
  return out;
}

/** JSON bodies of the feed: refused as the feed refuses, 400 `{ code: 'bad_request', message }` naming the field. */
import type { z } from 'zod';
import { bodyText } from '../../engine/responses.js';
import type { SimRequest, SimResponse } from '../../engine/types.js';
import { problem } from './caller.js';

/** The body's text and its parsed, checked value — or the 400 answer. */
export function feedBody<T>(
  request: SimRequest,
  schema: z.ZodType<T>,
): { text: string; value: T } | SimResponse {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return problem(400, 'bad_request', `content-type: expected application/json, got '${type.slice(0, 80)}'`);
  }
  const text = bodyText(request.body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return problem(400, 'bad_request', '(body): not valid JSON');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') || '(body)';
    return problem(400, 'bad_request', `${field.slice(0, 120)}: ${issue?.message ?? 'invalid'}`);
  }
  return { text, value: result.data };
}

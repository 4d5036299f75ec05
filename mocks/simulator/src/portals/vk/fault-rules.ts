/**
 * Errors 9 «Flood control» and 10 «Internal server error» need no memory, so they are the engine's
 * fault rules: HTTP 200 with VK's envelope as `effect.body`, scoped by operation (= method name) and
 * firstN / probability. (Captcha 14 must remember its sid: see captcha.ts.) The same JSON works with
 * `POST /__goskit/faults/rules`.
 */
import type { FaultRule } from '../../engine/types.js';
import { errorMessage } from './errors.js';

export interface VkErrorRuleOptions {
  /** 9 or 10. */
  code: 9 | 10;
  /** The method, e.g. 'messages.send'; every method when absent. */
  method?: string;
  /** Only the first N matching calls. */
  firstN?: number;
  probability?: number;
  id?: string;
  /** Detail after the base message, e.g. 'too much messages sent to user'. */
  detail?: string;
}

export function vkErrorRule(options: VkErrorRuleOptions): FaultRule {
  const method = options.method ?? '';
  return {
    portal: 'vk',
    ...(options.method === undefined ? { path: '/^\\/method\\//' } : { operation: options.method }),
    ...(options.firstN === undefined ? {} : { firstN: options.firstN }),
    ...(options.probability === undefined ? {} : { probability: options.probability }),
    ...(options.id === undefined ? {} : { id: options.id }),
    effect: {
      status: 200,
      body: {
        error: {
          error_code: options.code,
          error_msg: errorMessage(options.code, options.detail),
          request_params: [
            { key: 'oauth', value: '1' },
            { key: 'method', value: method },
          ],
        },
      },
    },
  };
}

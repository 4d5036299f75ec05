/**
 * One VK API call, in VK's order: `v` (8), the method (3), the token (5), the caller's 3 req/s tier
 * (6), the token matrix (27 / 28 / 15), an armed captcha (14), then the method. `execute` runs its code
 * with every inner call going through the same matrix and captcha. Any VK failure becomes the error
 * envelope; the answer is always HTTP 200.
 */
import type { PortalRuntime, SimRequest, SimResponse } from '../../engine/types.js';
import { captchaDemand, captchaSolved } from './captcha.js';
import { errorBody, errorResponse, okResponse } from './envelope.js';
import { VkApiFailure } from './errors.js';
import { runExecute } from './execute/run.js';
import { takeUserTier } from './limits.js';
import { VK_METHODS } from './methods/index.js';
import type { MethodContext } from './methods/method.js';
import { type ResolvedVkOptions, versionAtLeast } from './options.js';
import { Params, readCall } from './params.js';
import type { VkState } from './state.js';
import { type Caller, checkTokenKind, resolveCaller } from './tokens.js';

const VERSION = /^\d{1,2}\.\d{1,4}$/;
/** The oldest `v` VK still serves. */
export const MIN_VERSION = '5.81';

export interface CallInput {
  state: VkState;
  runtime: PortalRuntime;
  options: ResolvedVkOptions;
  request: SimRequest;
  method: string;
}

export function answerCall(input: CallInput): SimResponse {
  const { params: raw, token } = readCall(input.request);
  try {
    return answer(input, raw, token);
  } catch (error) {
    if (error instanceof VkApiFailure) {
      return errorResponse(errorBody(error, input.method, raw));
    }
    throw error;
  }
}

function answer(input: CallInput, raw: Map<string, string>, token: string | undefined): SimResponse {
  const { state, runtime, options, request, method: name } = input;
  const version = raw.get('v') ?? '';
  if (!VERSION.test(version) || !versionAtLeast(version, MIN_VERSION)) {
    throw new VkApiFailure(
      8,
      'versions below 5.81 are deprecated. Version param should be passed as "v". "version" param is invalid and not supported. For more information go to https://dev.vk.com/en/reference/versions',
    );
  }
  const method = VK_METHODS.get(name);
  if (method === undefined && name !== 'execute') {
    throw new VkApiFailure(3);
  }
  const nowMs = runtime.clock.nowMs();
  const caller = resolveCaller(state, runtime, token);
  takeUserTier(state, caller, options.limits.user, nowMs);
  if (method !== undefined) {
    checkTokenKind(caller, method.tokens, method.scope);
  }
  const params = new Params(raw);
  const captcha = { random: runtime.random, request, nowMs, method: name };
  const solved = captchaSolved(state, params, captcha);
  if (!solved) {
    const demand = captchaDemand(state, captcha);
    if (demand !== undefined) {
      throw demand;
    }
  }
  const context: MethodContext = { state, runtime, options, caller, params, raw, version, request, nowMs };
  if (method !== undefined) {
    return okResponse(method.run(context));
  }
  return runExecuteCall(context, solved);
}

function runExecuteCall(context: MethodContext, solved: boolean): SimResponse {
  const code = context.params.requiredString('code');
  const result = runExecute(code, {
    arg: (name) => context.raw.get(name),
    call: (name, params) => innerCall(context, context.caller, name, params, solved),
  });
  return okResponse(result.response, result.errors.length > 0 ? { execute_errors: result.errors } : {});
}

/** A call made by execute's code: same token and matrix; a captcha demand aborts the whole execute. */
function innerCall(
  outer: MethodContext,
  caller: Caller,
  name: string,
  raw: Map<string, string>,
  solved: boolean,
): { value: unknown } | { error: { code: number; message: string } } {
  const method = VK_METHODS.get(name);
  try {
    if (method === undefined) {
      throw new VkApiFailure(3);
    }
    checkTokenKind(caller, method.tokens, method.scope);
    if (!solved) {
      const demand = captchaDemand(outer.state, {
        random: outer.runtime.random,
        request: outer.request,
        nowMs: outer.nowMs,
        method: name,
      });
      if (demand !== undefined) {
        throw demand;
      }
    }
    const value = method.run({ ...outer, params: new Params(raw), raw });
    return { value };
  } catch (error) {
    if (error instanceof VkApiFailure && error.errorCode !== 14) {
      return { error: { code: error.errorCode, message: error.errorMsg } };
    }
    throw error;
  }
}

/** What every VK method is: a name, the token types the schema allows, its scope, and its body. */
import type { PortalRuntime, SimRequest } from '../../../engine/types.js';
import type { ResolvedVkOptions } from '../options.js';
import type { Params } from '../params.js';
import type { VkState } from '../state.js';
import type { Caller, TokenKinds } from '../tokens.js';

export interface MethodContext {
  state: VkState;
  runtime: PortalRuntime;
  options: ResolvedVkOptions;
  caller: Caller;
  params: Params;
  /** The call's raw parameters (execute's `Args`). */
  raw: ReadonlyMap<string, string>;
  /** The `v` the client sent. */
  version: string;
  request: SimRequest;
  nowMs: number;
}

export interface VkMethod {
  name: string;
  /** access_token_type of the schema. */
  tokens: TokenKinds;
  /** A user or community token must carry this scope (15 otherwise). */
  scope?: string;
  run(context: MethodContext): unknown;
}

export const USER_OR_GROUP: TokenKinds = ['user', 'community'];
export const USER_ONLY: TokenKinds = ['user'];
export const ANY_TOKEN: TokenKinds = ['user', 'community', 'service'];

/**
 * Services portals offer each other (an identity provider verifying its access tokens, a messenger
 * creating chats): a portal `provides` a service, another `requires` it and reaches it through its
 * runtime, so no portal imports another's internals. A token names the service and carries its type.
 */
import type { PortalRuntime } from './runtime.js';

export interface ServiceToken<T> {
  /** Stable id, e.g. 'identity'. */
  readonly id: string;
  /** What the service does, for error messages and the control API. */
  readonly description: string;
  /** What to load when it is missing, e.g. 'esiaPortal()'. */
  readonly hint: string | undefined;
  /** Carries T for inference; never set. */
  readonly type?: () => T;
}

export interface ServiceContext<State> {
  readonly runtime: PortalRuntime;
  /** The providing portal's live state (replaced on reset: read it per call, do not keep it). */
  state(): State;
}

export interface ServiceProvider<State = unknown> {
  readonly service: ServiceToken<unknown>;
  // Method syntax on purpose: a provider of PortalDefinition<MyState> stays assignable to <unknown>.
  create(context: ServiceContext<State>): unknown;
}

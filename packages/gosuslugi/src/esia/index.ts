export type { AuthorizationUrl, AuthorizationUrlOptions } from './authorization-url.js';
export { createEsiaClient, type EsiaClient } from './create-esia-client.js';
export {
  ESIA_PRODUCTION,
  ESIA_TEST,
  type EsiaEnvironment,
  type ResolvedEsiaEnvironment,
} from './environment.js';
export { type CallbackInput, type CallbackResult, callbackParams } from './handle-callback.js';
export type { EsiaClientOptions, EsiaTokenAlgorithm, EsiaTokenKeys } from './options.js';
export type { PendingAuthorization } from './pending-request.js';
export { type EsiaPermission, encodePermissions, epguPermissions } from './permissions.js';
export { type EmbedName, RESOURCE_SCOPES } from './person/collections.js';
export { esiaDateToIso, parseEsiaDate } from './person/esia-date.js';
export * from './person/models.js';
export type { EsiaPerson, EsiaPersonClient } from './person/person-client.js';
export { type EsiaPkceMethod, pkceChallenge } from './pkce.js';
export type { RefreshOptions } from './refresh.js';
export { EPGU_API_ORDER_SCOPE, normaliseScopeName } from './scope-names.js';
export type { EsiaSession, EsiaSessionOptions } from './session.js';
export { resolverFromJwks } from './token-keys.js';
export type { EsiaTokens, EsiaUserTokens } from './tokens.js';

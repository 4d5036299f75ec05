/**
 * `@goskit/gospochta/protocol`: what both sides of the contract share, without the client — the packet
 * codec (build and verify requests, responses and webhooks), the role and permission tables, detached
 * JWS over signed JSON, the file hashes, and the XML form (WSDL + XSD) as text. No node-only module and
 * no HTTP stack: a portal (the goskit simulator, in Node or a browser) or a webhook receiver imports it
 * without undici or node:tls.
 */
export {
  effectivePermissions,
  isPermission,
  isRole,
  missingPermission,
  OPERATION_PERMISSIONS,
  type OperationId,
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from './access/roles.js';
export { GospochtaError, type GospochtaErrorCode } from './errors/gospochta-error.js';
export { KeyUsageExceededError } from './errors/key-usage-error.js';
export { PacketBuildError } from './errors/packet-build-error.js';
export { PACKET_CHECKS, type PacketCheck, PacketError } from './errors/packet-error.js';
export { GOSPOCHTA_WSDL, GOSPOCHTA_XSD } from './generated/gospochta-xml.js';
export { FINAL_STATUSES, LETTER_STATUSES, type LetterStatus } from './letters/statuses.js';
export * from './packets/index.js';
export { type JwsAlgorithmName, signDetached, verifyDetached } from './signatures/detached-jws.js';
export { type FileHashes, hashFile } from './signatures/file-hashes.js';
export { type TrustedCertificate, trustCertificates } from './signatures/trusted-certificates.js';

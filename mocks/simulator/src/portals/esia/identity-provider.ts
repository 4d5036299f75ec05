/** ESIA as the simulator's identity service: other portals verify its access tokens through this. */
import { provide } from '../../engine/services.js';
import { type IdentityService, identityService } from '../../services/identity.js';
import { verifyEsiaAccessToken } from './access-token.js';
import type { EsiaState } from './state.js';

export const esiaIdentity = provide<IdentityService, EsiaState>(identityService, ({ runtime }) => ({
  verifyAccessToken: (token) => verifyEsiaAccessToken(runtime, token),
  person: (oid) => runtime.demo.personas.find((persona) => persona.oid === oid),
}));

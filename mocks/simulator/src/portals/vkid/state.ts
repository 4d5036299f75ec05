/**
 * VK ID's state: registered clients, logins in progress, authorization codes, grants (one per
 * sign-in: client, person, device) with their access and refresh tokens. Tables keyed by request
 * input are Maps, bounded (the oldest entries go first).
 */

export interface VkIdClient {
  clientId: string;
  title: string;
  redirectUris: string[];
}

export type VkIdProfile = 'personal' | 'education';

export interface PendingLogin {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: string[];
  createdMs: number;
  /** Set by the login page. */
  userId?: number;
  /** Set by the profile chooser. */
  profile?: VkIdProfile;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  deviceId: string;
  userId: number;
  profile: VkIdProfile;
  scopes: string[];
  expMs: number;
  used: boolean;
  /** The grant the first exchange created (revoked when the code is replayed). */
  grantId?: string;
}

export interface Grant {
  id: string;
  clientId: string;
  userId: number;
  profile: VkIdProfile;
  scopes: string[];
  deviceId: string;
  revoked: boolean;
  /** The refresh token currently valid (rotated on every refresh). */
  refreshToken: string;
}

export interface AccessRecord {
  grantId: string;
  expiresAtMs: number;
  revoked: boolean;
}

export interface VkIdState {
  clients: Map<string, VkIdClient>;
  pending: Map<string, PendingLogin>;
  codes: Map<string, IssuedCode>;
  grants: Map<string, Grant>;
  accessTokens: Map<string, AccessRecord>;
  /** Refresh token → grant id (old ones stay, to detect replay). */
  refreshTokens: Map<string, string>;
}

export const MAX_PENDING = 10_000;
export const MAX_CODES = 10_000;
export const MAX_TOKENS = 100_000;

/** Drops the oldest entries of a Map above `max` (Maps keep insertion order). */
export function bound<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done === true) {
      return;
    }
    map.delete(oldest.value);
  }
}

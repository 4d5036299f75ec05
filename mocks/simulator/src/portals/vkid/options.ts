/** Options of `vkidPortal()`. */

export const VKID_HOSTS = ['https://id.vk.ru', 'https://id.vk.com'] as const;

export interface VkIdPortalOptions {
  /** Access token lifetime; VK ID's is one hour. */
  accessTokenTtlMs?: number;
  /** Authorization code lifetime (the redirect's expires_in); default 10 minutes. */
  codeTtlMs?: number;
  /** How long a login may sit on the pages; default 30 minutes. */
  loginTtlMs?: number;
  /** Refresh token lifetime; default 180 days [unconfirmed]. */
  refreshTokenTtlMs?: number;
}

export interface ResolvedVkIdOptions {
  accessTokenTtlMs: number;
  codeTtlMs: number;
  loginTtlMs: number;
  refreshTokenTtlMs: number;
}

export function resolveVkIdOptions(options: VkIdPortalOptions = {}): ResolvedVkIdOptions {
  return {
    accessTokenTtlMs: options.accessTokenTtlMs ?? 3_600_000,
    codeTtlMs: options.codeTtlMs ?? 600_000,
    loginTtlMs: options.loginTtlMs ?? 1_800_000,
    refreshTokenTtlMs: options.refreshTokenTtlMs ?? 180 * 86_400_000,
  };
}

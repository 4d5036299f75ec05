/** Options of `vkPortal()`: the figures a test may want to change, with VK's defaults. */

export const VK_HOSTS = ['https://api.vk.ru', 'https://api.vk.com'] as const;

export interface VkPortalOptions {
  /** Requests per second per token: user and service tokens 3, community tokens 20 (VK's limits). */
  limits?: { user?: number; community?: number };
  /**
   * How long a random_id is remembered per sender and peer (a repeat returns the first message id);
   * default one hour [unconfirmed: VK documents the check, not its window].
   */
  randomIdWindowMs?: number;
  /**
   * From which `v` messages.createChat answers `{ chat_id, peer_ids }` instead of the bare chat id;
   * default '5.199' (the schema at 5.199 has the object) [unconfirmed boundary].
   */
  createChatObjectFrom?: string;
  /** From which `v` groups.getById answers `{ groups, profiles }` instead of an array; default '5.194'. */
  groupsObjectFrom?: string;
}

export interface ResolvedVkOptions {
  limits: { user: number; community: number };
  randomIdWindowMs: number;
  createChatObjectFrom: string;
  groupsObjectFrom: string;
}

export function resolveVkOptions(options: VkPortalOptions = {}): ResolvedVkOptions {
  return {
    limits: { user: options.limits?.user ?? 3, community: options.limits?.community ?? 20 },
    randomIdWindowMs: options.randomIdWindowMs ?? 3_600_000,
    createChatObjectFrom: options.createChatObjectFrom ?? '5.199',
    groupsObjectFrom: options.groupsObjectFrom ?? '5.194',
  };
}

/** Answers already computed: clients send one `v` over and over (bounded; a pure function's cache). */
const comparisons = new Map<string, boolean>();
const MAX_COMPARISONS = 1000;

/** '5.131' < '5.199' < '5.200', compared as numbers part by part. */
export function versionAtLeast(version: string, from: string): boolean {
  const key = `${version}|${from}`;
  const known = comparisons.get(key);
  if (known !== undefined) {
    return known;
  }
  const answer = compareVersions(version, from);
  if (comparisons.size < MAX_COMPARISONS) {
    comparisons.set(key, answer);
  }
  return answer;
}

function compareVersions(version: string, from: string): boolean {
  const a = version.split('.').map(Number);
  const b = from.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const left = a[i] ?? 0;
    const right = b[i] ?? 0;
    if (left !== right) {
      return left > right;
    }
  }
  return true;
}

/**
 * Links and VK: record a VK ID login as a person's link, and check linked accounts with `users.get`
 * (1000 ids a call) — deleted or banned accounts come back as `deactivated`, the rest get a fresh
 * `verifiedAt`.
 */
import type { VkClient } from '../vk/create-vk-client.js';
import type { VkIdTokens } from '../vkid/tokens.js';
import type { LinkStore } from './link-store.js';
import { checkPersonId, checkRole, type PersonLink, type SchoolPersonRole } from './person-link.js';

/** Stores the link a VK ID login proves: this person is this VK user. */
export async function linkFromVkId(
  store: LinkStore,
  person: { id: string; role: SchoolPersonRole },
  login: Pick<VkIdTokens, 'userId'>,
  now: number,
): Promise<PersonLink> {
  const link: PersonLink = {
    personId: checkPersonId(person.id),
    role: checkRole(person.role),
    network: 'vk',
    userId: String(login.userId),
    linkedAt: now,
    verifiedAt: now,
    via: 'vkid',
  };
  await store.put(link);
  return link;
}

export interface VkLinkCheck {
  /** Accounts VK reports deleted or banned. */
  deactivated: Set<string>;
  /** Links whose `verifiedAt` was refreshed. */
  verified: number;
}

export async function verifyVkLinks(
  vk: VkClient,
  store: LinkStore,
  links: readonly PersonLink[],
  now: number,
): Promise<VkLinkCheck> {
  const ids = [...new Set(links.filter((link) => link.network === 'vk').map((link) => link.userId))];
  const alive = new Set<string>();
  const deactivated = new Set<string>();
  for (let start = 0; start < ids.length; start += 1000) {
    const chunk = ids.slice(start, start + 1000).map(Number);
    const users = await vk.users.get({ user_ids: chunk });
    const seen = new Set<string>();
    for (const user of users) {
      seen.add(String(user.id));
      (user.deactivated ? deactivated : alive).add(String(user.id));
    }
    for (const id of chunk) {
      if (!seen.has(String(id))) {
        deactivated.add(String(id)); // VK leaves out ids it no longer knows
      }
    }
  }
  let verified = 0;
  for (const link of links) {
    if (link.network === 'vk' && alive.has(link.userId)) {
      await store.put({ ...link, verifiedAt: now });
      verified += 1;
    }
  }
  return { deactivated, verified };
}

/**
 * The first-class answer to "can this person be put in the chat?": ✓ linked, ✗ not linked, or
 * stale — a link that exists but can no longer be trusted: the person's role changed since, the
 * account was not seen alive within `maxAgeMs`, or VK reports the account deleted or banned.
 */
import type { LinkStore } from './link-store.js';
import type { LinkNetwork, PersonLink, SchoolPersonRole } from './person-link.js';

export type StaleReason = 'role-changed' | 'verification-expired' | 'account-deactivated';

export type LinkStatus =
  | { status: 'linked'; mark: '✓'; link: PersonLink }
  | { status: 'not-linked'; mark: '✗' }
  | { status: 'stale'; mark: '✗'; link: PersonLink; reason: StaleReason };

export interface LinkStatusOptions {
  /** Epoch ms now. */
  now: number;
  /** A link whose account was not seen alive for longer than this is stale. Default: never. */
  maxAgeMs?: number;
  /** User ids the messenger reported deleted or banned (`verifyVkLinks`). */
  deactivated?: ReadonlySet<string>;
}

export const NOT_LINKED: LinkStatus = Object.freeze({ status: 'not-linked', mark: '✗' });

export function linkStatus(
  person: { id: string; role: SchoolPersonRole },
  link: PersonLink | undefined,
  options: LinkStatusOptions,
): LinkStatus {
  if (!link) {
    return NOT_LINKED;
  }
  if (link.role !== person.role) {
    return { status: 'stale', mark: '✗', link, reason: 'role-changed' };
  }
  if (options.deactivated?.has(link.userId)) {
    return { status: 'stale', mark: '✗', link, reason: 'account-deactivated' };
  }
  if (options.maxAgeMs !== undefined && options.now - (link.verifiedAt ?? link.linkedAt) > options.maxAgeMs) {
    return { status: 'stale', mark: '✗', link, reason: 'verification-expired' };
  }
  return { status: 'linked', mark: '✓', link };
}

/** The status of every person, from one `getMany` on the store. */
export async function linkStatuses(
  store: LinkStore,
  network: LinkNetwork,
  people: readonly { id: string; role: SchoolPersonRole }[],
  options: LinkStatusOptions,
): Promise<Map<string, LinkStatus>> {
  const links = await store.getMany(
    people.map((person) => person.id),
    network,
  );
  const out = new Map<string, LinkStatus>();
  for (const person of people) {
    out.set(person.id, linkStatus(person, links.get(person.id), options));
  }
  return out;
}

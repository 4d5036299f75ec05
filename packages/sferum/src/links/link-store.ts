/**
 * Where links live. The integrator's database usually backs it; `MemoryLinkStore` serves tests and
 * single-process tools. One link per person and network; one messenger account may be linked to
 * several persons (a teacher who is also a parent).
 */
import type { LinkNetwork, PersonLink } from './person-link.js';

export interface LinkStore {
  get(personId: string, network: LinkNetwork): Promise<PersonLink | undefined>;
  /** The links of many persons at once (the sync asks for a whole school). */
  getMany(personIds: readonly string[], network: LinkNetwork): Promise<Map<string, PersonLink>>;
  /** Creates or replaces the person's link for the link's network. */
  put(link: PersonLink): Promise<void>;
  remove(personId: string, network: LinkNetwork): Promise<boolean>;
  /** Every person linked to this account. */
  findByUser(network: LinkNetwork, userId: string): Promise<PersonLink[]>;
}

/** `LinkStore` in memory: Maps keyed by network and person id (ids such as `__proto__` are plain keys). */
import type { LinkStore } from './link-store.js';
import {
  checkLink,
  checkNetwork,
  checkPersonId,
  checkUserId,
  type LinkNetwork,
  type PersonLink,
} from './person-link.js';

export class MemoryLinkStore implements LinkStore {
  readonly #byPerson = new Map<LinkNetwork, Map<string, PersonLink>>();
  readonly #byUser = new Map<LinkNetwork, Map<string, Set<string>>>();

  constructor(links: Iterable<PersonLink> = []) {
    for (const link of links) {
      this.#write(checkLink(link));
    }
  }

  get size(): number {
    let total = 0;
    for (const links of this.#byPerson.values()) {
      total += links.size;
    }
    return total;
  }

  async get(personId: string, network: LinkNetwork): Promise<PersonLink | undefined> {
    const link = this.#byPerson.get(checkNetwork(network))?.get(checkPersonId(personId));
    return link ? { ...link } : undefined;
  }

  async getMany(personIds: readonly string[], network: LinkNetwork): Promise<Map<string, PersonLink>> {
    const links = this.#byPerson.get(checkNetwork(network));
    const out = new Map<string, PersonLink>();
    for (const personId of personIds) {
      const link = links?.get(personId);
      if (link) {
        out.set(personId, { ...link });
      }
    }
    return out;
  }

  async put(link: PersonLink): Promise<void> {
    const checked = checkLink(link);
    const previous = this.#byPerson.get(checked.network)?.get(checked.personId);
    if (previous) {
      this.#byUser.get(previous.network)?.get(previous.userId)?.delete(previous.personId);
    }
    this.#write(checked);
  }

  async remove(personId: string, network: LinkNetwork): Promise<boolean> {
    const links = this.#byPerson.get(checkNetwork(network));
    const link = links?.get(checkPersonId(personId));
    if (!link) {
      return false;
    }
    links?.delete(personId);
    this.#byUser.get(network)?.get(link.userId)?.delete(personId);
    return true;
  }

  async findByUser(network: LinkNetwork, userId: string): Promise<PersonLink[]> {
    const persons = this.#byUser.get(checkNetwork(network))?.get(checkUserId(userId));
    const links = this.#byPerson.get(network);
    return [...(persons ?? [])].flatMap((personId) => {
      const link = links?.get(personId);
      return link ? [{ ...link }] : [];
    });
  }

  #write(link: PersonLink): void {
    let links = this.#byPerson.get(link.network);
    if (!links) {
      links = new Map();
      this.#byPerson.set(link.network, links);
    }
    links.set(link.personId, link);
    let users = this.#byUser.get(link.network);
    if (!users) {
      users = new Map();
      this.#byUser.set(link.network, users);
    }
    let persons = users.get(link.userId);
    if (!persons) {
      persons = new Set();
      users.set(link.userId, persons);
    }
    persons.add(link.personId);
  }
}

/**
 * Builds one demo person with valid identifiers from a random stream. Identifiers come from
 * @goskit/validation generators, so their check digits are the ones the validators accept.
 */
import { generateInn12, generatePassport, generatePhone, generateSnils } from '@goskit/validation';
import type { Persona, PersonaRole, SeededRandom } from '../engine/types.js';
import { FEMALE_NAMES, MALE_NAMES, PATRONYMICS, SURNAMES, transliterate } from './names.js';

export interface PersonSeed {
  id: string;
  role: PersonaRole;
  gender?: 'M' | 'F';
  lastName?: string;
  firstName?: string;
  middleName?: string;
  /** 'dd.MM.yyyy' */
  birthDate?: string;
  birthYears: readonly [from: number, to: number];
  password?: string;
}

export class PersonFactory {
  readonly #random: SeededRandom;
  readonly #oids = new Set<string>();
  readonly #logins = new Set<string>();

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  create(seed: PersonSeed): Persona {
    const random = this.#random;
    const next = () => random.next();
    const gender = seed.gender ?? (random.next() < 0.5 ? 'M' : 'F');
    const female = gender === 'F' ? 1 : 0;
    const lastName = seed.lastName ?? (random.pick(SURNAMES)[female] as string);
    const firstName = seed.firstName ?? random.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const middleName = seed.middleName ?? (random.pick(PATRONYMICS)[female] as string);
    const birthDate = seed.birthDate ?? this.#birthDate(seed.birthYears);
    const login = this.#uniqueLogin(`${transliterate(firstName)}.${transliterate(lastName)}`);
    return {
      id: seed.id,
      role: seed.role,
      oid: this.#uniqueOid(),
      lastName,
      firstName,
      middleName,
      birthDate,
      gender,
      snils: generateSnils(next),
      inn: generateInn12(next),
      phone: generatePhone(next),
      email: `${login}@demo-school.goskit.test`,
      passport: generatePassport(next),
      login,
      password: seed.password ?? `Demo-${random.int(1000, 9999)}`,
      trusted: seed.role !== 'student',
    };
  }

  #birthDate([from, to]: readonly [number, number]): string {
    const year = this.#random.int(from, to);
    const month = this.#random.int(1, 12);
    const day = this.#random.int(1, 28);
    return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
  }

  /** ESIA person ids are decimal numbers around 1e9; unique within the data set. */
  #uniqueOid(): string {
    for (;;) {
      const oid = String(this.#random.int(1_000_000_000, 1_999_999_999));
      if (!this.#oids.has(oid)) {
        this.#oids.add(oid);
        return oid;
      }
    }
  }

  #uniqueLogin(base: string): string {
    let login = base;
    for (let n = 2; this.#logins.has(login); n += 1) {
      login = `${base}${n}`;
    }
    this.#logins.add(login);
    return login;
  }
}

/**
 * ESIA REST data of a demo persona, shaped as the reference's "REST data shapes": person, contacts
 * (EML/MBT), addresses (PLV/PRG), documents (RF_PASSPORT / RF_BRTH_CERT), kids, vehicles, roles.
 * Everything derives from the persona, so the same seed gives the same answers.
 */
import type { DemoData, Persona } from '../../engine/types.js';
import { personaByOid } from './personas.js';

export type Element = Record<string, unknown> & { id: number };
export type CollectionName = 'ctts' | 'addrs' | 'docs' | 'kids' | 'vhls' | 'roles' | 'orgs';
export const COLLECTIONS: readonly CollectionName[] = [
  'ctts',
  'addrs',
  'docs',
  'kids',
  'vhls',
  'roles',
  'orgs',
];

function hash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    value = Math.imul(value ^ text.charCodeAt(i), 16777619);
  }
  return value >>> 0;
}

/** A stable 40-hex eTag of a JSON value. */
export function eTag(value: unknown): string {
  const text = JSON.stringify(value);
  let out = '';
  for (let round = 0; round < 5; round += 1) {
    out += hash(`${round}:${text}`).toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

const elementId = (persona: Persona, offset: number) => (Number(persona.oid) % 1_000_000) * 100 + offset;
const withTag = <T extends Record<string, unknown>>(value: T) => ({ ...value, eTag: eTag(value) });

function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').slice(-10);
  return `+7(${digits.slice(0, 3)})${digits.slice(3)}`;
}

function contacts(persona: Persona): Element[] {
  return [
    withTag({
      stateFacts: ['Identifiable'],
      id: elementId(persona, 1),
      type: 'MBT',
      vrfStu: 'VERIFIED',
      value: formatPhone(persona.phone),
    }),
    withTag({
      stateFacts: ['Identifiable'],
      id: elementId(persona, 2),
      type: 'EML',
      vrfStu: 'VERIFIED',
      value: persona.email,
    }),
  ];
}

const STREETS = ['ул. Ленина', 'ул. Садовая', 'пр-т Мира', 'ул. Школьная', 'ул. Гагарина', 'ул. Лесная'];

/** The demo school's city, so family addresses are near the school. */
function cityOf(demo: DemoData): string {
  return /г\. ([^,]+)/.exec(demo.organisation.address)?.[1] ?? 'Москва';
}

function addresses(demo: DemoData, persona: Persona): Element[] {
  const seed = hash(persona.oid);
  const city = cityOf(demo);
  const street = STREETS[seed % STREETS.length] as string;
  const house = String(1 + (seed % 60));
  const flat = String(1 + (Math.floor(seed / 60) % 200));
  const zipCode = `1${String(10000 + (seed % 89999)).padStart(5, '0')}`;
  const base = { countryId: 'RUS', zipCode, region: city, city, street, house, flat };
  const addressStr = `г. ${city}, ${street}, д. ${house}, кв. ${flat}`;
  const fias = `${seed.toString(16).padStart(8, '0')}-0000-4000-8000-${String(seed).padStart(12, '0').slice(-12)}`;
  return [
    withTag({
      stateFacts: ['Identifiable'],
      id: elementId(persona, 11),
      type: 'PRG',
      addressStr,
      fiasCode: fias,
      ...base,
    }),
    withTag({
      stateFacts: ['Identifiable'],
      id: elementId(persona, 12),
      type: 'PLV',
      addressStr,
      fiasCode: fias,
      ...base,
    }),
  ];
}

/** dd.MM.yyyy of the birth date plus whole years. */
function yearsAfter(birthDate: string, years: number): string {
  const [day, month, year] = birthDate.split('.');
  return `${day}.${month}.${Number(year) + years}`;
}

function documents(persona: Persona): Element[] {
  if (persona.role === 'student') {
    const seed = hash(`${persona.oid}:brth`);
    return [
      withTag({
        stateFacts: ['Identifiable'],
        id: elementId(persona, 21),
        type: 'RF_BRTH_CERT',
        vrfStu: 'VERIFIED',
        series: 'IV-МЮ',
        number: String(100000 + (seed % 899999)),
        issueDate: yearsAfter(persona.birthDate, 0),
        issuedBy: 'Отдел ЗАГС',
      }),
    ];
  }
  return [
    withTag({
      stateFacts: ['Identifiable'],
      id: elementId(persona, 21),
      type: 'RF_PASSPORT',
      vrfStu: 'VERIFIED',
      series: persona.passport.series,
      number: persona.passport.number,
      issueDate: yearsAfter(persona.birthDate, 20),
      issueId: '770-001',
      issuedBy: 'ГУ МВД России',
    }),
  ];
}

function kids(demo: DemoData, persona: Persona): Element[] {
  return (persona.children ?? [])
    .map((id) => demo.personas.find((candidate) => candidate.id === id))
    .filter((kid): kid is Persona => kid !== undefined)
    .map((kid) =>
      withTag({
        stateFacts: ['Identifiable'],
        id: Number(kid.oid),
        firstName: kid.firstName,
        lastName: kid.lastName,
        middleName: kid.middleName,
        birthDate: kid.birthDate,
        gender: kid.gender,
        snils: kid.snils,
      }),
    );
}

function vehicles(persona: Persona): Element[] {
  if (persona.role !== 'parent') {
    return [];
  }
  const seed = hash(`${persona.oid}:car`);
  const letters = 'АВЕКМНОРСТУХ';
  const pick = (n: number) => letters[(seed >>> n) % letters.length] as string;
  return [
    withTag({
      stateFacts: ['Identifiable'],
      id: elementId(persona, 31),
      name: 'LADA VESTA',
      numberPlate: `${pick(1)}${String(100 + (seed % 900))}${pick(5)}${pick(9)}77`,
      regCertificate: { series: '77УС', number: String(100000 + (seed % 899999)) },
    }),
  ];
}

function roles(demo: DemoData, persona: Persona): Element[] {
  return (persona.organisations ?? []).map((org) => {
    const known = demo.organisation.oid === org.oid ? demo.organisation : undefined;
    return {
      id: Number(org.oid),
      oid: Number(org.oid),
      prnOid: Number(persona.oid),
      fullName: known?.fullName ?? org.title,
      shortName: known?.shortName ?? org.title,
      ogrn: org.ogrn,
      type: 'AGENCY',
      chief: org.role === 'chief',
      admin: org.role === 'chief' || persona.role === 'admin',
      active: true,
      hasRightOfSubstitution: false,
      hasApprovalTabAccess: false,
      isLiquidated: false,
    };
  });
}

/** Collections are pure functions of the demo data: computed once per demo object, persona and name. */
const collectionCache = new WeakMap<DemoData, Map<string, Element[]>>();

export function collection(demo: DemoData, persona: Persona, name: CollectionName): Element[] {
  let cache = collectionCache.get(demo);
  if (!cache) {
    cache = new Map();
    collectionCache.set(demo, cache);
  }
  const key = `${persona.oid}/${name}`;
  let elements = cache.get(key);
  if (!elements) {
    elements = buildCollection(demo, persona, name);
    cache.set(key, elements);
  }
  return elements;
}

const collectionTags = new WeakMap<Element[], string>();

/** eTag of a (cached) collection. */
export function collectionTag(elements: Element[]): string {
  let tag = collectionTags.get(elements);
  if (tag === undefined) {
    tag = eTag(elements);
    collectionTags.set(elements, tag);
  }
  return tag;
}

function buildCollection(demo: DemoData, persona: Persona, name: CollectionName): Element[] {
  switch (name) {
    case 'ctts':
      return contacts(persona);
    case 'addrs':
      return addresses(demo, persona);
    case 'docs':
      return documents(persona);
    case 'kids':
      return kids(demo, persona);
    case 'vhls':
      return vehicles(persona);
    case 'roles':
    case 'orgs':
      return roles(demo, persona);
  }
}

/** Person fields; `scopes` filters the optional ones the way ESIA releases only what was granted. */
export function personRecord(persona: Persona, scopes: ReadonlySet<string>): Record<string, unknown> {
  const person: Record<string, unknown> = {
    stateFacts: ['EntityRoot'],
    firstName: persona.firstName,
    lastName: persona.lastName,
    middleName: persona.middleName,
  };
  if (scopes.has('birthdate')) {
    person.birthDate = persona.birthDate;
  }
  if (scopes.has('birthplace')) {
    person.birthPlace = 'г. Москва';
  }
  if (scopes.has('gender')) {
    person.gender = persona.gender;
  }
  person.trusted = persona.trusted;
  person.citizenship = 'RUS';
  if (scopes.has('snils')) {
    person.snils = persona.snils;
  }
  if (scopes.has('inn')) {
    person.inn = persona.inn;
  }
  person.updatedOn = 1_756_684_800 + (hash(persona.oid) % 10_000_000);
  person.status = 'REGISTERED';
  person.verifying = false;
  if (scopes.has('id_doc') && persona.role !== 'student') {
    person.rIdDoc = elementId(persona, 21);
  }
  person.containsUpCfmCode = false;
  person.eTag = personTag(persona, scopes, person);
  return person;
}

/** The scopes that change a person record; their flags key the eTag cache. */
const PERSON_FIELD_SCOPES = ['birthdate', 'birthplace', 'gender', 'snils', 'inn', 'id_doc'] as const;
const personTags = new WeakMap<Persona, Map<string, string>>();

/** eTag of a person record, computed once per persona and granted field set (hashing is the hot spot). */
function personTag(persona: Persona, scopes: ReadonlySet<string>, person: Record<string, unknown>): string {
  let tags = personTags.get(persona);
  if (!tags) {
    tags = new Map();
    personTags.set(persona, tags);
  }
  const key = PERSON_FIELD_SCOPES.map((scope) => (scopes.has(scope) ? '1' : '0')).join('');
  let tag = tags.get(key);
  if (tag === undefined) {
    tag = eTag(person);
    tags.set(key, tag);
  }
  return tag;
}

export function findPerson(demo: DemoData, oid: string): Persona | undefined {
  return personaByOid(demo, oid);
}

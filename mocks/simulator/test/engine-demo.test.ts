import {
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidPassport,
  isValidPhone,
  isValidSnils,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';
import {
  createSimulator,
  DEMO_PASSWORD,
  FIXED_PERSONA_IDS,
  generateDemoData,
  type Persona,
  type SimulatorOptions,
} from '../src/index.js';
import { findIdentifierIssue } from '../src/roster/identifier-checks.js';
import { testPortal } from './fixtures/test-portal.js';

describe('demo data', () => {
  it('same seed → deep-equal data; different seed → different identifiers', () => {
    expect(generateDemoData('alpha')).toEqual(generateDemoData('alpha'));
    const a = generateDemoData('alpha');
    const b = generateDemoData('beta');
    expect(a.organisation.ogrn).not.toBe(b.organisation.ogrn);
    expect(a.personas.map((p) => p.snils)).not.toEqual(b.personas.map((p) => p.snils));
  });

  it('«Демо школа» has classes 1А–11Б with a teacher and ten students each', () => {
    const data = generateDemoData('goskit');
    expect(data.organisation.shortName).toBe('Демо школа');
    expect(data.classes.map((c) => c.name)).toEqual(
      Array.from({ length: 11 }, (_, i) => [`${i + 1}А`, `${i + 1}Б`]).flat(),
    );
    const ids = new Set(data.personas.map((p) => p.id));
    for (const schoolClass of data.classes) {
      expect(schoolClass.studentIds).toHaveLength(10);
      expect(ids.has(schoolClass.teacherId)).toBe(true);
      for (const id of schoolClass.studentIds) {
        expect(ids.has(id)).toBe(true);
      }
    }
    expect(ids.size).toBe(data.personas.length);
    expect(new Set(data.personas.map((p) => p.oid)).size).toBe(data.personas.length);
    expect(new Set(data.personas.map((p) => p.login)).size).toBe(data.personas.length);
  });

  it('every identifier is valid', () => {
    const data = generateDemoData('validity');
    expect(isValidOgrn(data.organisation.ogrn)).toBe(true);
    expect(isValidInn(data.organisation.inn)).toBe(true);
    expect(isValidKpp(data.organisation.kpp)).toBe(true);
    for (const persona of data.personas) {
      expect(isValidSnils(persona.snils), persona.snils).toBe(true);
      expect(isValidInn(persona.inn), persona.inn).toBe(true);
      expect(isValidPhone(persona.phone), persona.phone).toBe(true);
      expect(isValidPassport(persona.passport), JSON.stringify(persona.passport)).toBe(true);
      expect(persona.birthDate).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      expect(persona.email).toMatch(/^[a-z0-9.]+@demo-school\.goskit\.test$/);
    }
  });

  it('has the fixed personas: parent Иванов Иван Иванович (08.03.1991) with children, a teacher, an admin', () => {
    const data = generateDemoData('any-seed');
    const parent = data.personas.find((p) => p.id === FIXED_PERSONA_IDS.parent);
    expect(parent).toMatchObject({
      role: 'parent',
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Иванович',
      birthDate: '08.03.1991',
      password: DEMO_PASSWORD,
      trusted: true,
    });
    expect(parent?.children).toHaveLength(2);
    for (const childId of parent?.children ?? []) {
      expect(data.personas.find((p) => p.id === childId)).toMatchObject({
        role: 'student',
        lastName: 'Иванов',
      });
    }
    expect(data.personas.find((p) => p.id === FIXED_PERSONA_IDS.teacher)?.role).toBe('teacher');
    const admin = data.personas.find((p) => p.id === FIXED_PERSONA_IDS.admin);
    expect(admin?.organisations?.[0]).toMatchObject({ oid: data.organisation.oid, role: 'chief' });
  });

  it('options.data identifiers are checked with @goskit/validation, naming field and rule, never the value', () => {
    for (const seed of ['goskit', 'ci-42', 'другой']) {
      expect(findIdentifierIssue(generateDemoData(seed))).toBeUndefined();
    }
    const [parent] = generateDemoData('goskit').personas;
    const snils = `${parent?.snils.slice(0, -1)}${(Number(parent?.snils.at(-1)) + 1) % 10}`;
    const attempt = (data: NonNullable<SimulatorOptions['data']>) => () =>
      createSimulator({ portals: [testPortal], data });
    expect(attempt({ personas: [{ ...(parent as Persona), snils }] })).toThrowError(
      expect.objectContaining({
        code: 'INVALID_DATA',
        message: expect.stringMatching(/personas\.0\.snils: SNILS_CHECKSUM/),
      }),
    );
    expect(attempt({ personas: [{ ...(parent as Persona), snils }] })).not.toThrowError(snils);
    const organisation = generateDemoData('goskit').organisation;
    expect(attempt({ organisation: { ...organisation, kpp: '1234' } })).toThrowError(
      /organisation\.kpp: KPP_FORMAT/,
    );
    expect(
      attempt({ personas: [{ ...(parent as Persona), passport: { series: '12', number: '345678' } }] }),
    ).toThrowError(/personas\.0\.passport\.series: PASSPORT_SERIES/);
  });

  it('options.data overrides, and broken overrides fail with INVALID_DATA', () => {
    const sim = createSimulator({
      portals: [testPortal],
      data: { organisation: { ...generateDemoData('x').organisation, shortName: 'Школа №1' } },
    });
    expect(sim.demo.organisation.shortName).toBe('Школа №1');
    const personas = generateDemoData('goskit').personas.slice(0, 3);
    expect(() => createSimulator({ portals: [testPortal], data: { personas } })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATA' }),
    );
  });
});

/**
 * Builds the portal's state on create and reset: the demo systems of «Демо школа» and friends, the
 * systems of the data slice, the roster's adults as Gosuslugi profiles with their consent flag (a few
 * without it, so refusals can be shown), the demo charges and incoming letters. Cheap on purpose:
 * files are recipes drawn on first use, and no key is made here.
 */
import { fromBase64Any } from '@goskit/crypto';
import { generateOgrn, uinCheckDigit } from '@goskit/validation';
import { SimulatorError } from '../../engine/errors.js';
import type { Persona, PortalRuntime, SeededRandom } from '../../engine/types.js';
import type { ChargeInput, GospochtaData, SystemInput } from './data.js';
import { demoPacketKey } from './keys.js';
import {
  type ChargeRecord,
  emptyState,
  type FileRecord,
  type GospochtaState,
  nextId,
  type OrganisationRecord,
  type PersonRecord,
  personByOid,
  type SystemRecord,
  snilsDigits,
} from './state.js';

/** The secret of every demo system (a development tool: say it plainly). */
export const DEMO_GOSPOCHTA_SECRET = 'goskit-demo-gospochta';

/** Demo systems by client id. */
export const DEMO_SYSTEMS = {
  school: 'demo-school',
  court: 'demo-court',
  admin: 'demo-admin',
  parentApp: 'demo-parent-app',
} as const;

/** Roster personas without the consent flag in the demo (besides every `parent-…-10`). */
export const NO_CONSENT_PERSONAS = ['parent-1a-02'] as const;

const DAY = 86_400_000;

function defaultConsent(persona: Persona): boolean {
  return (
    !(NO_CONSENT_PERSONAS as readonly string[]).includes(persona.id) && !/^parent-.*-10$/.test(persona.id)
  );
}

export function systemRecord(input: SystemInput, demo = false): SystemRecord {
  const kids = (input.packetKeys ?? []).map((key) => key.kid);
  return {
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    role: input.role,
    subject: input.subject ?? `sys-${input.clientId}`,
    title: input.title ?? input.organisation?.name ?? input.clientId,
    ...(input.organisation === undefined ? {} : { organisation: { ...input.organisation } }),
    ...(input.permissions === undefined ? {} : { permissions: [...input.permissions] }),
    packetKids: kids.length > 0 ? kids : ['demo'],
    signingCertificates: [...(input.signingCertificates ?? [])],
    requireJws: input.requireJws ?? false,
    demo,
  };
}

/** Registers (or replaces) a system and its packet keys; refuses a key id another system owns. */
export function registerSystem(state: GospochtaState, input: SystemInput, demo = false): SystemRecord {
  const record = systemRecord(input, demo);
  for (const key of input.packetKeys ?? []) {
    const owners = [...state.systems.values()].filter(
      (system) => system.clientId !== record.clientId && system.packetKids.includes(key.kid),
    );
    if (key.kid === 'demo' || owners.length > 0) {
      throw new SimulatorError(
        'INVALID_DATA',
        `packet key id "${key.kid}" is already used by ${key.kid === 'demo' ? 'the demo systems' : owners.map((o) => o.clientId).join(', ')}`,
      );
    }
    state.packetKeys.set(key.kid, {
      kid: key.kid,
      macKey: fromBase64Any(key.macKey),
      encryptionKey: fromBase64Any(key.encryptionKey),
    });
  }
  state.systems.set(record.clientId, record);
  return record;
}

function demoSystems(runtime: PortalRuntime, random: SeededRandom): SystemInput[] {
  const school = runtime.demo.organisation;
  const parent = runtime.demo.personas.find((persona) => persona.id === 'parent-ivanov');
  const next = () => random.next();
  return [
    {
      clientId: DEMO_SYSTEMS.school,
      clientSecret: DEMO_GOSPOCHTA_SECRET,
      role: 'operator',
      title: school.shortName,
      organisation: { name: school.fullName, ogrn: school.ogrn, inn: school.inn, kpp: school.kpp },
    },
    {
      clientId: DEMO_SYSTEMS.court,
      clientSecret: DEMO_GOSPOCHTA_SECRET,
      role: 'operator',
      title: 'Мировой судья (демо)',
      organisation: {
        name: 'Мировой судья судебного участка № 1 Демонстрационного района',
        ogrn: generateOgrn(next),
      },
    },
    {
      clientId: DEMO_SYSTEMS.admin,
      clientSecret: DEMO_GOSPOCHTA_SECRET,
      role: 'admin',
      title: 'Оператор Госпочты (демо)',
      organisation: { name: 'Оператор интеграции Госпочты (демо)' },
    },
    {
      clientId: DEMO_SYSTEMS.parentApp,
      clientSecret: DEMO_GOSPOCHTA_SECRET,
      role: 'client',
      title: 'Личный кабинет родителя (демо)',
      ...(parent === undefined ? {} : { subject: parent.oid }),
    },
  ];
}

function personRecord(persona: Persona, consent: boolean): PersonRecord {
  return {
    oid: persona.oid,
    personaId: persona.id,
    snils: persona.snils,
    lastName: persona.lastName,
    firstName: persona.firstName,
    ...(persona.middleName ? { middleName: persona.middleName } : {}),
    ...(persona.inn ? { inn: persona.inn } : {}),
    consent,
  };
}

/** A valid УИН with the payee's prefix (18810… a traffic fine, 18210… a tax) from the random stream. */
export function generateChargeUin(random: SeededRandom, kind: ChargeRecord['kind']): string {
  const prefix = kind === 'fine' ? '18810' : kind === 'tax' ? '18210' : '03100';
  let body = prefix;
  while (body.length < 19) {
    body += String(random.int(0, 9));
  }
  return body + String(uinCheckDigit(body));
}

const PAYEES: Record<ChargeRecord['kind'], OrganisationRecord> = {
  fine: { name: 'УФК по г. Санкт-Петербургу (ГУ МВД России)', inn: '7830002600', kpp: '784201001' },
  tax: { name: 'УФК по г. Санкт-Петербургу (УФНС России)', inn: '7842011111', kpp: '784201001' },
  fee: { name: 'ГБОУ «Демо школа»', kpp: '780101001' },
};

/** Issues a charge to a payer of the roster (by persona id or oid); refuses an unknown payer or a taken УИН. */
export function issueCharge(
  state: GospochtaState,
  input: ChargeInput,
  context: { random: SeededRandom; now: number; school?: OrganisationRecord },
): ChargeRecord {
  const payer =
    personByOid(state, input.payer) ?? [...state.persons.values()].find((p) => p.personaId === input.payer);
  if (payer === undefined) {
    throw new SimulatorError(
      'INVALID_DATA',
      `charge payer "${input.payer.slice(0, 60)}" is no person of the roster`,
    );
  }
  const uin = input.uin ?? generateChargeUin(context.random, input.kind);
  if (state.charges.has(uin)) {
    throw new SimulatorError('INVALID_DATA', `a charge with УИН ${uin} already exists`);
  }
  const discountDays = input.discountDays ?? (input.kind === 'fine' ? 20 : 0);
  const payee = input.payee ?? (input.kind === 'fee' && context.school ? context.school : PAYEES[input.kind]);
  const charge: ChargeRecord = {
    uin,
    kind: input.kind,
    amount: input.amount,
    ...(discountDays > 0
      ? { discountedAmount: Math.ceil(input.amount / 2), discountUntil: context.now + discountDays * DAY }
      : {}),
    purpose: input.purpose,
    payee: { ...payee },
    ...(input.kind === 'fine' ? { kbk: '18811601123010001140', oktmo: '40301000' } : {}),
    ...(input.kind === 'tax' ? { kbk: '18210604012021000110', oktmo: '40301000' } : {}),
    payerOid: payer.oid,
    payerSnils: payer.snils,
    ...(payer.inn ? { payerInn: payer.inn } : {}),
    issuedAt: context.now,
    dueAt: context.now + 60 * DAY,
  };
  state.charges.set(uin, charge);
  return charge;
}

function recipeFile(
  id: string,
  name: string,
  kind: FileRecord['kind'],
  seed: string,
  title: string,
  lines: string[],
): FileRecord {
  return kind === 'scan'
    ? { id, name, mediaType: 'image/png', kind, recipe: { draw: 'scan', title, lines, seed } }
    : { id, name, mediaType: 'application/pdf', kind, recipe: { draw: 'pdf', title, lines, seed } };
}

function seedInbox(state: GospochtaState, runtime: PortalRuntime, now: number): void {
  const parent = personByOid(
    state,
    runtime.demo.personas.find((persona) => persona.id === 'parent-ivanov')?.oid ?? '',
  );
  const school = runtime.demo.organisation;
  const letters: {
    owner: string;
    recipient: { lastName: string; firstName: string; middleName?: string };
    sender: OrganisationRecord;
    documentType: string;
    subject: string;
    text: string;
    ago: number;
    scan: boolean;
  }[] = [];
  if (parent !== undefined) {
    const recipient = {
      lastName: parent.lastName,
      firstName: parent.firstName,
      ...(parent.middleName ? { middleName: parent.middleName } : {}),
    };
    letters.push(
      {
        owner: parent.oid,
        recipient,
        sender: { name: 'ФНС России', ogrn: '1047707030513' },
        documentType: 'tax-notice',
        subject: 'Налоговое уведомление за 2025 год',
        text: 'Сумма налога к уплате указана в уведомлении. Срок уплаты — не позднее 1 декабря.',
        ago: 3 * 3_600_000,
        scan: true,
      },
      {
        owner: parent.oid,
        recipient,
        sender: { name: 'ГУ МВД России по г. Санкт-Петербургу', ogrn: '1037804030175' },
        documentType: 'fine-decision',
        subject: 'Постановление по делу об административном правонарушении',
        text: 'Штраф можно оплатить со скидкой 50% в течение 20 дней.',
        ago: 2 * 3_600_000,
        scan: true,
      },
      {
        owner: parent.oid,
        recipient,
        sender: { name: school.fullName, ogrn: school.ogrn },
        documentType: 'notice',
        subject: 'Родительское собрание 5А класса',
        text: 'Собрание состоится в пятницу в 18:00 в кабинете 21.',
        ago: 3_600_000,
        scan: false,
      },
    );
  }
  letters.push({
    owner: `sys-${DEMO_SYSTEMS.school}`,
    recipient: { lastName: 'Канцелярия', firstName: school.shortName },
    sender: { name: 'Комитет по образованию (демо)', ogrn: '1027809244561' },
    documentType: 'order',
    subject: 'Приказ о проведении школьного этапа олимпиады',
    text: 'Провести школьный этап всероссийской олимпиады школьников в октябре.',
    ago: 30 * 60_000,
    scan: false,
  });
  for (const letter of letters) {
    const id = nextId(state, 'in');
    const seed = `${runtime.seed}:${id}`;
    const files: FileRecord[] = [
      recipeFile(`${id}_orig`, 'original.pdf', 'original', seed, letter.subject, [
        `Отправитель: ${letter.sender.name}`,
        '',
        letter.text,
      ]),
    ];
    if (letter.scan) {
      files.unshift(recipeFile(`${id}_scan`, 'scan-1.png', 'scan', seed, letter.subject, []));
    }
    state.incoming.set(id, {
      id,
      owner: letter.owner,
      sender: letter.sender,
      recipient: letter.recipient,
      documentType: letter.documentType,
      subject: letter.subject,
      text: letter.text,
      files,
      receivedAt: now - letter.ago,
      legallySignificant: letter.documentType !== 'notice',
    });
  }
}

function seedCharges(state: GospochtaState, runtime: PortalRuntime, random: SeededRandom, now: number): void {
  const school = runtime.demo.organisation;
  const context = {
    random,
    now: now - 2 * DAY,
    school: { name: school.fullName, inn: school.inn, kpp: school.kpp },
  };
  const charges: ChargeInput[] = [
    {
      kind: 'fine',
      amount: 150_000,
      purpose: 'Штраф ГИБДД: превышение скорости (ст. 12.9 ч. 2 КоАП РФ)',
      payer: 'parent-ivanov',
    },
    { kind: 'tax', amount: 234_500, purpose: 'Транспортный налог за 2025 год', payer: 'parent-ivanov' },
    {
      kind: 'fee',
      amount: 350_000,
      purpose: 'Родительская плата: группа продлённого дня, сентябрь',
      payer: 'parent-ivanov',
    },
    {
      kind: 'fine',
      amount: 50_000,
      purpose: 'Штраф ГИБДД: непристёгнутый ремень (ст. 12.6 КоАП РФ)',
      payer: 'parent-1a-02',
    },
  ];
  for (const charge of charges) {
    if ([...state.persons.values()].some((person) => person.personaId === charge.payer)) {
      issueCharge(state, charge, context);
    }
  }
}

/** The state of a fresh run: what createState and reset() build. */
export function createGospochtaState(
  runtime: PortalRuntime<GospochtaData>,
  optionSystems: readonly SystemInput[],
): GospochtaState {
  const state = emptyState();
  const data = runtime.data;
  const demo = data?.demo ?? true;
  const random = runtime.random.fork('gospochta:state');
  const now = runtime.clock.now();
  const demoKey = demoPacketKey(runtime.seed);
  state.packetKeys.set(demoKey.kid, demoKey);
  const consent = new Map(Object.entries(data?.consent ?? {}));
  for (const persona of runtime.demo.personas) {
    if (persona.role === 'student' || !persona.snils) {
      continue;
    }
    const flag = consent.get(persona.id) ?? consent.get(persona.oid) ?? defaultConsent(persona);
    const record = personRecord(persona, flag);
    state.persons.set(snilsDigits(record.snils), record);
    state.personsByOid.set(record.oid, snilsDigits(record.snils));
  }
  if (demo) {
    for (const input of demoSystems(runtime, random.fork('systems'))) {
      registerSystem(state, input, true);
    }
  }
  for (const input of [...optionSystems, ...(data?.systems ?? [])]) {
    registerSystem(state, input);
  }
  if (demo) {
    seedCharges(state, runtime, random.fork('charges'), now);
    seedInbox(state, runtime, now);
  }
  const chargeRandom = random.fork('data-charges');
  for (const charge of data?.charges ?? []) {
    issueCharge(state, charge, { random: chargeRandom, now });
  }
  return state;
}

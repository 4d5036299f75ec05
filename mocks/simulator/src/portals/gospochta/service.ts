/**
 * The gospochta service the portal provides (src/services/gospochta.ts): in-process tests and the
 * control routes act on the portal through it. Every action first brings the world up to the virtual
 * now, so a consent flag set or a letter read lands between the right steps. It also owns the
 * running-clock webhook dispatcher: one per simulator, reading the live state (resets included).
 */
import { SimulatorError } from '../../engine/errors.js';
import type { ServiceContext } from '../../engine/types.js';
import { certificateAuthority } from '../../services/certificate-authority.js';
import type { GospochtaService, GospochtaSystemInput } from '../../services/gospochta.js';
import { issueCharge, registerSystem } from './create-state.js';
import { chargeInputSchema, systemInputSchema } from './data.js';
import { failDocument } from './documents/lifecycle.js';
import { AGENCIES, agencySigner, portalSigner, tokenKey } from './keys.js';
import { markOutgoingRead, type World } from './letters/lifecycle.js';
import type { ResolvedGospochtaOptions } from './options.js';
import { amountToPay } from './payments/charges.js';
import type { GospochtaState, PersonRecord, SystemRecord } from './state.js';
import { personByOid } from './state.js';
import { deliverDue } from './webhooks/dispatch.js';
import { WebhookPump } from './webhooks/pump.js';
import { syncWorld } from './world.js';

export const CA_NAME = 'gospochta';

function invalid(
  what: string,
  error: { issues: readonly { path: PropertyKey[]; message: string }[] },
): never {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new SimulatorError(
    'INVALID_DATA',
    `${what}${path ? `.${path}` : ''}: ${issue?.message ?? 'invalid'}`,
  );
}

function summary(system: SystemRecord) {
  return {
    clientId: system.clientId,
    role: system.role,
    title: system.title,
    subject: system.subject,
    packetKids: [...system.packetKids],
    demo: system.demo,
    ...(system.demo ? { clientSecret: system.clientSecret } : {}),
  };
}

function findPerson(state: GospochtaState, person: string): PersonRecord {
  const found =
    personByOid(state, person) ?? [...state.persons.values()].find((item) => item.personaId === person);
  if (found === undefined) {
    throw new SimulatorError(
      'INVALID_DATA',
      `no person "${person.slice(0, 60)}" (a roster persona id or an ESIA oid)`,
    );
  }
  return found;
}

function date(value: Date | string | undefined, field: string): Date | undefined {
  if (value === undefined) {
    return undefined;
  }
  const parsed = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(parsed.getTime()) || parsed.getUTCFullYear() < 1950 || parsed.getUTCFullYear() > 9999) {
    throw new SimulatorError('INVALID_DATA', `${field} must be an ISO date-time between 1950 and 9999`);
  }
  return parsed;
}

export function createGospochtaService(
  context: ServiceContext<GospochtaState>,
  options: ResolvedGospochtaOptions,
  worldOf: (state: GospochtaState) => World,
  pumps: WeakMap<object, WebhookPump>,
): GospochtaService {
  const { runtime } = context;
  const live = () => {
    const state = context.state();
    const world = worldOf(state);
    syncWorld(world, runtime.clock.now());
    return { state, world };
  };
  let pump = pumps.get(runtime);
  if (pump === undefined) {
    pump = new WebhookPump(runtime, () => worldOf(context.state()), options.webhooks.pollMs);
    pumps.set(runtime, pump);
  }
  const dispatcher = pump;

  return {
    async trust() {
      const [ca, portal, token] = await Promise.all([
        certificateAuthority(runtime.seed, CA_NAME),
        portalSigner(runtime.seed, options.signatureAlg),
        tokenKey(runtime.seed, options.tokenAlg),
      ]);
      const agencies = await Promise.all(
        [...new Set(Object.keys(AGENCIES))].map((kind) =>
          agencySigner(runtime.seed, options.signatureAlg, kind),
        ),
      );
      return {
        caPem: ca.certificatePem,
        portalCertificates: [portal.certificatePem],
        documentCertificates: [...new Set(agencies.map((agency) => agency.certificatePem))],
        tokenCertificate: token.certificatePem,
        tokenAlg: token.alg,
      };
    },
    packetKeys(clientId) {
      const { state } = live();
      const kids =
        clientId === undefined
          ? [...state.packetKeys.keys()]
          : (state.systems.get(clientId)?.packetKids ?? []);
      return kids
        .map((kid) => state.packetKeys.get(kid))
        .filter((key) => key !== undefined)
        .map((key) => ({
          kid: key.kid,
          macKey: new Uint8Array(key.macKey),
          encryptionKey: new Uint8Array(key.encryptionKey),
        }));
    },
    systems() {
      return [...live().state.systems.values()].map(summary);
    },
    registerSystem(input: GospochtaSystemInput) {
      const parsed = systemInputSchema.safeParse(input);
      if (!parsed.success) {
        invalid('system', parsed.error);
      }
      return summary(registerSystem(live().state, parsed.data));
    },
    async issueClientCertificate(clientId, certificateOptions = {}) {
      const { state } = live();
      const system = state.systems.get(clientId);
      if (system === undefined) {
        throw new SimulatorError('INVALID_DATA', `no registered system "${clientId.slice(0, 80)}"`);
      }
      const days = certificateOptions.days ?? 365;
      if (!Number.isFinite(days) || days <= 0 || days > 36_500) {
        throw new SimulatorError('INVALID_DATA', 'days must be from 1 to 36500');
      }
      const notBefore = date(certificateOptions.notBefore, 'notBefore');
      const notAfter =
        date(certificateOptions.notAfter, 'notAfter') ??
        new Date((notBefore ?? new Date(Date.now() - 3_600_000)).getTime() + days * 86_400_000);
      if (notBefore !== undefined && notAfter.getTime() <= notBefore.getTime()) {
        throw new SimulatorError('INVALID_DATA', 'notAfter must be after notBefore');
      }
      const ca = await certificateAuthority(runtime.seed, CA_NAME);
      const issued = await ca.issueClientCertificate({
        commonName: system.clientId,
        ...(system.organisation === undefined ? {} : { organisation: system.organisation.name }),
        ...(notBefore === undefined ? {} : { notBefore }),
        notAfter,
      });
      state.certificates.set(issued.serialNumber, {
        serialNumber: issued.serialNumber,
        clientId: system.clientId,
        fingerprint256: issued.fingerprint256,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
        issuedAt: runtime.clock.now(),
        revoked: false,
      });
      return { ...issued, caPem: ca.certificatePem };
    },
    revokeClientCertificate(serialNumber) {
      const record = live().state.certificates.get(serialNumber.toLowerCase());
      if (record === undefined) {
        return false;
      }
      record.revoked = true;
      return true;
    },
    setConsent(person, consent) {
      const found = findPerson(live().state, person);
      found.consent = consent;
      return {
        oid: found.oid,
        ...(found.personaId === undefined ? {} : { personaId: found.personaId }),
        consent,
      };
    },
    readLetter(letterId) {
      const { state, world } = live();
      const letter = state.outgoing.get(letterId);
      if (letter === undefined) {
        throw new SimulatorError('INVALID_DATA', `no letter "${letterId.slice(0, 80)}"`);
      }
      const incoming = letter.incomingId === undefined ? undefined : state.incoming.get(letter.incomingId);
      if (incoming === undefined) {
        throw new SimulatorError(
          'INVALID_DATA',
          `letter ${letter.id} is ${letter.status}, not delivered: nothing to read`,
        );
      }
      const now = runtime.clock.now();
      incoming.readAt ??= now;
      markOutgoingRead(world, letter, incoming.readAt);
      dispatcher.wake();
      return { letterId: letter.id, status: letter.status };
    },
    issueCharge(input) {
      const parsed = chargeInputSchema.safeParse(input);
      if (!parsed.success) {
        invalid('charge', parsed.error);
      }
      const { state } = live();
      const now = runtime.clock.now();
      const charge = issueCharge(state, parsed.data, {
        random: runtime.random.fork(`charge:${state.charges.size}`),
        now,
      });
      return {
        uin: charge.uin,
        kind: charge.kind,
        amount: charge.amount,
        amountToPay: amountToPay(charge, now),
        purpose: charge.purpose,
        payerOid: charge.payerOid,
        status: 'unpaid',
      };
    },
    failDocument(requestId, reason = 'agency-refused') {
      const { state, world } = live();
      const request = state.documents.get(requestId);
      if (request === undefined) {
        throw new SimulatorError('INVALID_DATA', `no document request "${requestId.slice(0, 80)}"`);
      }
      return failDocument(world, request, reason.slice(0, 200), runtime.clock.now());
    },
    deliverWebhooks() {
      const { world } = live();
      return deliverDue(world, runtime);
    },
    wake() {
      dispatcher.wake();
    },
  };
}

/**
 * The systems (ВИС) admitted to the EPGU API, by ESIA client id: which services each may file orders
 * for and its request limits (the spec sets both per system at connection, Приложение 3 footnote 9).
 * With none configured at start every system is admitted to every service with the default limits;
 * once configured (option `systems`, the `epgu.systems` data slice), a system not listed gets
 * 403 access_denied_system and a service not in its list 403 access_denied_service.
 */
import { z } from 'zod';
import { SimulatorError } from '../../engine/errors.js';
import type { Simulator } from '../../engine/types.js';
import { DEFAULT_LIMITS, type EpguLimits, type ResolvedLimits, resolveLimits } from './options.js';
import type { EpguState } from './state.js';

const limit = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const epguSystemInputSchema = z
  .object({
    clientId: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{2,64}$/, '2–64 characters of A–Z, a–z, 0–9, _ . - (the ESIA mnemonic)'),
    title: z.string().max(200).optional(),
    /** Service codes the system may file orders for; omitted or ['*'] → every service. */
    services: z.array(z.string().regex(/^(\*|\d{1,20})$/, 'service codes or "*"')).optional(),
    limits: z
      .object({
        perMinute: limit.optional(),
        perHour: limit.optional(),
        perDay: limit.optional(),
        perMonth: limit.optional(),
        perYear: limit.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type EpguSystemInput = z.input<typeof epguSystemInputSchema>;

export interface EpguSystemRecord {
  clientId: string;
  title: string;
  /** Service codes, or ['*']. */
  services: string[];
  limits: ResolvedLimits;
}

/** Validates a system; throws SimulatorError INVALID_DATA naming the field and the rule. */
export function buildSystemRecord(
  input: unknown,
  defaults: ResolvedLimits = DEFAULT_LIMITS,
): EpguSystemRecord {
  const parsed = epguSystemInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'system';
    throw Object.assign(
      new SimulatorError(
        'INVALID_DATA',
        `EPGU system ${field}: ${issue?.message ?? 'invalid'} / система ЕПГУ: неверное поле ${field}`,
      ),
      { field },
    );
  }
  const value = parsed.data;
  return {
    clientId: value.clientId,
    title: value.title ?? value.clientId,
    services: value.services && value.services.length > 0 ? value.services : ['*'],
    limits: resolveLimits(value.limits as EpguLimits | undefined, defaults),
  };
}

/** Adds or replaces a system in a state object. */
export function addSystem(state: EpguState, input: unknown): EpguSystemRecord {
  const record = buildSystemRecord(input, state.defaultLimits);
  state.systems.set(record.clientId, record);
  return record;
}

/** Registers a system on a running simulator (until reset(); put it in --data to keep it). */
export function registerEpguSystem(
  sim: Pick<Simulator, 'portalState'>,
  input: EpguSystemInput,
): EpguSystemRecord {
  return addSystem(sim.portalState<EpguState>('epgu'), input);
}

/** The system's record; an unlisted system on an open simulator gets the defaults. Undefined: not admitted. */
export function admittedSystem(state: EpguState, clientId: string): EpguSystemRecord | undefined {
  const record = state.systems.get(clientId);
  if (record !== undefined || !state.admitAll) {
    return record;
  }
  return { clientId, title: clientId, services: ['*'], limits: state.defaultLimits };
}

export function allowsService(system: EpguSystemRecord, serviceCode: string): boolean {
  return system.services.includes('*') || system.services.includes(serviceCode);
}

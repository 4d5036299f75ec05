/**
 * The registry of ESIA clients (information systems): the demo client from the seed plus clients a
 * vendor registers at run time with its own test certificate (`registerEsiaClient`, the control
 * route POST /__goskit/esia/clients, or the `esia.clients` list of a --data file).
 */
import { certificateHash, parseCertificate } from '@goskit/crypto';
import { z } from 'zod';
import { SimulatorError } from '../../engine/errors.js';
import type { Simulator } from '../../engine/types.js';
import { parseRedirectUri } from './redirect-uri.js';
import type { EsiaClientRecord, EsiaState } from './state.js';

export const esiaClientInputSchema = z.object({
  clientId: z
    .string()
    .regex(
      /^[A-Za-z0-9_.-]{2,64}$/,
      'clientId: 2–64 characters of A–Z, a–z, 0–9, _ . - (the system mnemonic)',
    ),
  redirectUris: z
    .array(
      z
        .string()
        .refine((value) => parseRedirectUri(value) !== undefined, 'redirectUris: absolute http(s) URLs'),
    )
    .min(1, 'redirectUris: at least one URI'),
  certificatePem: z.string().includes('-----BEGIN CERTIFICATE-----', {
    message: 'certificatePem: a PEM certificate (-----BEGIN CERTIFICATE-----)',
  }),
  /** Allowed scopes; omitted or ['*'] → every scope. */
  scopes: z.array(z.string().min(1)).optional(),
  title: z.string().max(200).optional(),
});

export type EsiaClientInput = z.input<typeof esiaClientInputSchema>;

/** Public view of a registered client (no certificate body). */
export interface EsiaClientSummary {
  clientId: string;
  redirectUris: string[];
  certificateHash: string;
  scopes: string[];
  title: string;
}

/**
 * Validates input and builds the stored record; throws SimulatorError INVALID_DATA naming the field.
 * With `nowMs` (registration on a running simulator), a certificate that is expired or not yet valid
 * at that virtual time is refused too; v2/ac and the token endpoint check validity on every request.
 */
export function buildClientRecord(input: unknown, nowMs?: number): EsiaClientRecord {
  const parsed = esiaClientInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'client';
    throw Object.assign(
      new SimulatorError('INVALID_DATA', `ESIA client ${field}: ${issue?.message ?? 'invalid'}`),
      {
        field,
      },
    );
  }
  const value = parsed.data;
  let certificate: ReturnType<typeof parseCertificate>;
  try {
    certificate = parseCertificate(value.certificatePem);
  } catch (cause) {
    throw Object.assign(
      new SimulatorError('INVALID_DATA', 'ESIA client certificatePem: not a parsable X.509 certificate', {
        cause,
      }),
      { field: 'certificatePem' },
    );
  }
  if (certificate.gostPublicKey === undefined) {
    throw Object.assign(
      new SimulatorError(
        'INVALID_DATA',
        'ESIA client certificatePem: needs a GOST R 34.10-2012-256 public key',
      ),
      { field: 'certificatePem' },
    );
  }
  const notBeforeMs = certificate.notBefore.getTime();
  const notAfterMs = certificate.notAfter.getTime();
  if (nowMs !== undefined) {
    const state = nowMs < notBeforeMs ? 'is not yet valid' : nowMs > notAfterMs ? 'has expired' : undefined;
    if (state !== undefined) {
      throw Object.assign(
        new SimulatorError(
          'INVALID_DATA',
          `ESIA client certificatePem: the certificate ${state} at the simulator's time ${new Date(nowMs).toISOString()} (valid ${certificate.notBefore.toISOString()} … ${certificate.notAfter.toISOString()}) / сертификат недействителен на время симулятора`,
        ),
        { field: 'certificatePem' },
      );
    }
  }
  return {
    clientId: value.clientId,
    redirectUris: value.redirectUris,
    certificatePem: value.certificatePem.trim(),
    certificateHash: certificateHash(value.certificatePem),
    notBeforeMs,
    notAfterMs,
    scopes: value.scopes && value.scopes.length > 0 ? value.scopes : ['*'],
    title: value.title ?? value.clientId,
  };
}

export function summarizeClient(record: EsiaClientRecord): EsiaClientSummary {
  return {
    clientId: record.clientId,
    redirectUris: [...record.redirectUris],
    certificateHash: record.certificateHash,
    scopes: [...record.scopes],
    title: record.title,
  };
}

/** Adds or replaces a client in a state object (refused when its certificate is not valid at `nowMs`). */
export function addClient(state: EsiaState, input: unknown, nowMs?: number): EsiaClientSummary {
  const record = buildClientRecord(input, nowMs);
  state.clients.set(record.clientId, record);
  return summarizeClient(record);
}

/**
 * Registers a client on a running simulator (survives until reset(); put it in --data to keep it).
 * Throws SimulatorError INVALID_DATA naming the bad field.
 */
export function registerEsiaClient(
  sim: Pick<Simulator, 'portalState'> & Partial<Pick<Simulator, 'clock'>>,
  input: EsiaClientInput,
): EsiaClientSummary {
  return addClient(sim.portalState<EsiaState>('esia'), input, sim.clock?.now());
}

/** Whether the client may ask for the scope name. */
export function clientAllowsScope(client: EsiaClientRecord, name: string): boolean {
  return client.scopes.includes('*') || client.scopes.includes(name);
}

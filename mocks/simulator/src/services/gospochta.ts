/**
 * The gospochta service: acting on the Госпочта portal from a test in process or from its control
 * routes — what a client needs to trust (CA, signing certificates) and to speak packets (keys),
 * registering a system and issuing it a TLS client certificate, acting as an addressee (read a letter,
 * set the consent flag), as ГИС ГМП (issue a charge), as an agency (refuse a document), and sending the
 * webhook deliveries that are due. The gospochta portal provides it.
 */
import { defineService } from '../engine/services.js';
import type { IssuedClientCertificate } from './certificate-authority.js';

export interface GospochtaTrust {
  /** The CA of the HTTPS listener: server and client certificates (mutual TLS). */
  caPem: string;
  /** Certificates that sign delivery acts and receipts (`portalCertificates` of the client). */
  portalCertificates: string[];
  /** Agencies that sign documents (`documentCertificates` of the client). */
  documentCertificates: string[];
  /** The access-token key's certificate (to pin, e.g. for GOST tokens). */
  tokenCertificate: string;
  tokenAlg: string;
}

export interface GospochtaPacketKey {
  kid: string;
  macKey: Uint8Array;
  encryptionKey: Uint8Array;
}

export interface GospochtaSystemSummary {
  clientId: string;
  role: string;
  title: string;
  subject: string;
  packetKids: string[];
  demo: boolean;
  /** Shown for the demo systems only (their secret is documented anyway). */
  clientSecret?: string;
}

/** A system to register (the same shape as `data.gospochta.systems[]`; keys base64). */
export interface GospochtaSystemInput {
  clientId: string;
  clientSecret: string;
  role: string;
  title?: string;
  subject?: string;
  organisation?: { name: string; ogrn?: string; inn?: string; kpp?: string };
  permissions?: string[];
  packetKeys?: { kid: string; macKey: string; encryptionKey: string }[];
  signingCertificates?: string[];
  requireJws?: boolean;
}

/** A charge to issue (ГИС ГМП); the payer is a roster persona id or an ESIA oid. */
export interface GospochtaChargeInput {
  uin?: string;
  kind: 'fine' | 'tax' | 'fee';
  amount: number;
  purpose: string;
  payer: string;
  payee?: { name: string; ogrn?: string; inn?: string; kpp?: string };
  discountDays?: number;
}

export interface GospochtaCharge {
  uin: string;
  kind: string;
  amount: number;
  amountToPay: number;
  purpose: string;
  payerOid: string | undefined;
  status: 'paid' | 'unpaid';
}

export interface GospochtaCertificateOptions {
  /** Default: an hour before the real now (TLS checks validity on the real clock). */
  notBefore?: Date | string;
  /** Default: notBefore + `days`. */
  notAfter?: Date | string;
  /** Default 365. */
  days?: number;
}

export interface GospochtaDeliveryAttempt {
  deliveryId: string;
  eventId: string;
  subscriptionId: string;
  attempt: number;
  status: number;
  outcome: 'delivered' | 'retry' | 'failed';
  nextAttemptAt?: string;
}

export interface GospochtaService {
  trust(): Promise<GospochtaTrust>;
  /** The packet keys a system may use (all keys without a client id). */
  packetKeys(clientId?: string): GospochtaPacketKey[];
  systems(): GospochtaSystemSummary[];
  /** Registers or replaces a system; throws INVALID_DATA naming the field. */
  registerSystem(input: GospochtaSystemInput): GospochtaSystemSummary;
  /** A TLS client certificate (CN = client id) from the portal's CA, with its key and the CA. */
  issueClientCertificate(
    clientId: string,
    options?: GospochtaCertificateOptions,
  ): Promise<IssuedClientCertificate & { caPem: string }>;
  /** Refuses the certificate on new TLS connections; false when the serial is unknown. */
  revokeClientCertificate(serialNumber: string): boolean;
  /** Sets the consent flag of a roster person (persona id or oid); letters on their way see it when they reach ГЭПС. */
  setConsent(person: string, consent: boolean): { oid: string; personaId?: string; consent: boolean };
  /** Acts as the addressee: reads a delivered letter (by the sender's letter id); the sender sees `read`. */
  readLetter(letterId: string): { letterId: string; status: string };
  /** Acts as ГИС ГМП: issues a charge. */
  issueCharge(input: GospochtaChargeInput): GospochtaCharge;
  /** Acts as the agency: refuses a document request that is not ready yet. */
  failDocument(requestId: string, reason?: string): boolean;
  /** Sends the webhook deliveries due now on the virtual clock; resolves when each was attempted. */
  deliverWebhooks(): Promise<GospochtaDeliveryAttempt[]>;
  /** Starts the running-clock dispatcher when something may be due (the portal's routes call it). */
  wake(): void;
}

export const gospochtaService = defineService<GospochtaService>('gospochta', {
  description:
    'acts on the Госпочта portal: trust material, systems, certificates, addressees, charges, webhooks',
  hint: 'gospochtaPortal()',
});

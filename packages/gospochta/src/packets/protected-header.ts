/**
 * What the MAC covers: the canonical JSON (keys sorted, no whitespace — @goskit/crypto canonicalJson)
 * of the protected header. Requests bind method, target, request id, body digest and idempotency key;
 * responses bind status, the request's id and the digest; webhooks bind the subscription, delivery
 * and event ids. A packet therefore cannot be moved to another endpoint, call or event.
 */
import { canonicalJson, utf8 } from '@goskit/crypto';
import { PACKET_VERSION } from './packet-header.js';

export type PacketDirection = 'request' | 'response' | 'webhook';

interface Common {
  kid: string;
  ts: number;
  nonce: string;
  digest: string;
}

export interface RequestBinding {
  method: string;
  /** Path relative to the API base plus the query as sent: `/v1/inbox?limit=20`. */
  target: string;
  requestId: string;
  idempotencyKey: string | undefined;
}

export interface ResponseBinding {
  status: number;
  requestId: string;
}

export interface WebhookBinding {
  /** The subscription id (`X-Gospochta-Webhook-Id`). */
  subscriptionId: string;
  /** The delivery id (`X-Gospochta-Delivery-Id`), new for every attempt. */
  deliveryId: string;
  /** The event id, the same on every attempt. */
  eventId: string;
}

export type Binding =
  | ({ dir: 'request' } & RequestBinding)
  | ({ dir: 'response' } & ResponseBinding)
  | ({ dir: 'webhook' } & WebhookBinding);

/** The bytes the MAC is computed over. */
export function macInput(binding: Binding, common: Common): Uint8Array {
  const base = {
    v: PACKET_VERSION,
    kid: common.kid,
    ts: common.ts,
    nonce: common.nonce,
    digest: common.digest,
  };
  switch (binding.dir) {
    case 'request':
      return utf8(
        canonicalJson({
          ...base,
          dir: 'request',
          method: binding.method.toUpperCase(),
          target: binding.target,
          rid: binding.requestId,
          idem: binding.idempotencyKey ?? null,
        }),
      );
    case 'response':
      return utf8(
        canonicalJson({ ...base, dir: 'response', status: binding.status, rid: binding.requestId }),
      );
    case 'webhook':
      return utf8(
        canonicalJson({
          ...base,
          dir: 'webhook',
          method: 'POST',
          target: binding.subscriptionId,
          rid: binding.deliveryId,
          idem: binding.eventId,
        }),
      );
  }
}

/**
 * Control routes of the gospochta portal, mounted at /__goskit/gospochta/… on the standalone server
 * (in process, `sim.service(gospochtaService)` does the same): the trust material and packet keys a
 * client needs, systems and their TLS client certificates, acting as an addressee (read a letter, set
 * the consent flag), as ГИС ГМП (issue a charge) and as an agency (refuse a document), and sending the
 * webhook deliveries that are due. JSON in and out; errors name the field.
 */
import { toBase64 } from '@goskit/crypto';
import { SimulatorError } from '../../engine/errors.js';
import { bodyText, json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition } from '../../engine/types.js';
import { gospochtaService } from '../../services/gospochta.js';
import type { GospochtaState } from './state.js';
import { iso } from './state.js';

function bodyOf(ctx: RouteContext<GospochtaState>, optional = false): Record<string, unknown> {
  const text = bodyText(ctx.request.body);
  if (text.trim() === '' && optional) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SimulatorError('INVALID_DATA', 'the body must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SimulatorError('INVALID_DATA', 'the body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

const service = (ctx: RouteContext<GospochtaState>) => ctx.sim.service(gospochtaService);

export const gospochtaControlRoutes: RouteDefinition<GospochtaState>[] = [
  {
    method: 'GET',
    path: '/trust',
    operation: 'control.trust',
    handler: async (ctx) => json(await service(ctx).trust()),
  },
  {
    method: 'GET',
    path: '/packet-keys',
    operation: 'control.packet-keys',
    handler: (ctx) => {
      const clientId = ctx.request.query.get('clientId') ?? undefined;
      return json({
        keys: service(ctx)
          .packetKeys(clientId)
          .map((key) => ({
            kid: key.kid,
            macKey: toBase64(key.macKey),
            encryptionKey: toBase64(key.encryptionKey),
          })),
      });
    },
  },
  {
    method: 'GET',
    path: '/systems',
    operation: 'control.systems.list',
    handler: (ctx) => json({ systems: service(ctx).systems() }),
  },
  {
    method: 'POST',
    path: '/systems',
    operation: 'control.systems.register',
    handler: (ctx) => json(service(ctx).registerSystem(bodyOf(ctx) as never), 201),
  },
  {
    method: 'POST',
    path: '/systems/:clientId/certificates',
    operation: 'control.certificates.issue',
    handler: async (ctx) => {
      const body = bodyOf(ctx, true);
      for (const field of ['notBefore', 'notAfter'] as const) {
        if (body[field] !== undefined && typeof body[field] !== 'string') {
          throw new SimulatorError('INVALID_DATA', `${field} must be an ISO date-time string`);
        }
      }
      if (body.days !== undefined && typeof body.days !== 'number') {
        throw new SimulatorError('INVALID_DATA', 'days must be a number');
      }
      const issued = await service(ctx).issueClientCertificate(ctx.params.clientId as string, {
        ...(body.notBefore === undefined ? {} : { notBefore: body.notBefore as string }),
        ...(body.notAfter === undefined ? {} : { notAfter: body.notAfter as string }),
        ...(body.days === undefined ? {} : { days: body.days as number }),
      });
      return json(issued, 201);
    },
  },
  {
    method: 'POST',
    path: '/certificates/:serialNumber/revoke',
    operation: 'control.certificates.revoke',
    handler: (ctx) => {
      const revoked = service(ctx).revokeClientCertificate(ctx.params.serialNumber as string);
      return revoked
        ? json({ serialNumber: (ctx.params.serialNumber as string).toLowerCase(), revoked: true })
        : json({ error: 'NOT_FOUND', message: 'no certificate with this serial number was issued' }, 404);
    },
  },
  {
    method: 'GET',
    path: '/persons',
    operation: 'control.persons.list',
    handler: (ctx) =>
      json({
        persons: [...ctx.state.persons.values()].map((person) => ({
          personaId: person.personaId ?? null,
          oid: person.oid,
          lastName: person.lastName,
          firstName: person.firstName,
          snils: person.snils,
          consent: person.consent,
        })),
      }),
  },
  {
    method: 'POST',
    path: '/persons/:person/consent',
    operation: 'control.persons.consent',
    handler: (ctx) => {
      const body = bodyOf(ctx);
      if (typeof body.consent !== 'boolean') {
        throw new SimulatorError('INVALID_DATA', 'consent must be true or false');
      }
      return json(service(ctx).setConsent(ctx.params.person as string, body.consent));
    },
  },
  {
    method: 'POST',
    path: '/letters/:letterId/read',
    operation: 'control.letters.read',
    handler: (ctx) => json(service(ctx).readLetter(ctx.params.letterId as string)),
  },
  {
    method: 'POST',
    path: '/charges',
    operation: 'control.charges.issue',
    handler: (ctx) => json(service(ctx).issueCharge(bodyOf(ctx) as never), 201),
  },
  {
    method: 'POST',
    path: '/documents/:requestId/fail',
    operation: 'control.documents.fail',
    handler: (ctx) => {
      const body = bodyOf(ctx, true);
      const reason = typeof body.reason === 'string' ? body.reason : undefined;
      const failed = service(ctx).failDocument(ctx.params.requestId as string, reason);
      return json({ requestId: ctx.params.requestId, failed });
    },
  },
  {
    method: 'POST',
    path: '/webhooks/deliver',
    operation: 'control.webhooks.deliver',
    handler: async (ctx) => json({ attempts: await service(ctx).deliverWebhooks() }),
  },
  {
    method: 'GET',
    path: '/webhooks/deliveries',
    operation: 'control.webhooks.deliveries',
    handler: (ctx) =>
      json({
        deliveries: [...ctx.state.deliveries.values()].slice(-500).map((delivery) => ({
          id: delivery.id,
          subscriptionId: delivery.subscriptionId,
          eventId: delivery.event.eventId,
          type: delivery.event.type,
          status: delivery.status,
          attempts: delivery.attempts,
          nextAttemptAt: iso(delivery.nextAttemptAt),
          ...(delivery.lastResult === undefined ? {} : { lastResult: delivery.lastResult }),
        })),
      }),
  },
];

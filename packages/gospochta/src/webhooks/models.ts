/** Webhook subscriptions and events (openapi: WebhookSubscription, WebhookEvent). */
import { z } from 'zod';
import { dateTimeSchema, idSchema } from '../client/common-schemas.js';
import type { Schemas } from '../client/decrypted.js';

export type WebhookEventType = Schemas['WebhookEventType'];
export type WebhookSubscription = Schemas['WebhookSubscription'];
export type WebhookEvent = Schemas['WebhookEvent'];

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'letter.status_changed',
  'letter.received',
  'delivery_act.issued',
  'payment.completed',
  'document.ready',
];

const eventType = z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]]);

export const webhookSubscriptionSchema = z.object({
  id: idSchema,
  url: z.string().max(2048),
  events: z.array(eventType).max(WEBHOOK_EVENT_TYPES.length),
  createdAt: dateTimeSchema,
});

export const webhookListSchema = z.object({ items: z.array(webhookSubscriptionSchema).max(20) });

export const webhookEventSchema = z.object({
  eventId: idSchema,
  type: eventType,
  occurredAt: dateTimeSchema,
  data: z.object({
    letterId: idSchema.optional(),
    status: z.enum(['accepted', 'sent', 'delivered', 'read', 'refused', 'failed']).optional(),
    at: dateTimeSchema.optional(),
    externalId: z.string().max(128).optional(),
    refusalReason: z.enum(['no-consent', 'addressee-not-found', 'addressee-refused']).optional(),
    documentType: z.string().max(64).optional(),
    actId: idSchema.optional(),
    legalFact: z.enum(['delivered', 'read', 'refused', 'failed']).optional(),
    paymentId: idSchema.optional(),
    uin: z.string().max(25).optional(),
    amount: z.number().int().positive().optional(),
    requestId: idSchema.optional(),
    documentId: idSchema.optional(),
  }),
});

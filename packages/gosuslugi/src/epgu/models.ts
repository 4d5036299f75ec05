import { z } from 'zod';
import type { components } from '../generated/epgu.js';

/** The order object of getOrder (spec 2.4, Таблица 28; the fields of the spec's example, typed). */
export type EpguOrder = components['schemas']['Order'];
/** An `orderAttachmentFiles` / `orderResponseFiles` element: `link` is `terrabyte://00/<objectId>/<mnemonic>/<objectType>`. */
export type EpguOrderFile = components['schemas']['OrderAttachmentFile'];

export const orderIdSchema = z.looseObject({ orderId: z.number().int() });

export const codeMessageSchema = z.looseObject({
  code: z.string(),
  message: z.string().nullable().optional(),
});

export const orderDetailsSchema = z.looseObject({
  code: z.string(),
  message: z.string().nullable().optional(),
  messageId: z.string().nullable().optional(),
  order: z.string(),
});

export const statusSchema = z.looseObject({
  statusId: z.number().int(),
  statusName: z.string(),
  updated: z.string(),
});

export const statusItemSchema = z.looseObject({
  orderId: z.number().int(),
  orderSearchStatus: z.enum(['FOUND', 'NOT_FOUND']),
  status: statusSchema.nullable(),
});
export type EpguOrderStatusItem = z.output<typeof statusItemSchema>;

export const statusPageSchema = z.looseObject({
  count: z.number().int(),
  totalCount: z.number().int(),
  content: z.array(statusItemSchema),
});

export const dictionarySchema = z.looseObject({
  error: z.looseObject({ code: z.number().optional(), message: z.string().optional() }).optional(),
  total: z.number().int(),
  items: z.array(z.looseObject({ value: z.string(), title: z.string(), isLeaf: z.boolean().optional() })),
});
export type EpguDictionary = z.output<typeof dictionarySchema>;

/** getOrder(): the envelope plus the `order` JSON string parsed. */
export interface EpguOrderDetails {
  code: string;
  message: string | null;
  /** EPGU's message id, when sent. */
  messageId: string | null;
  /**
   * The order object EPGU sent as an escaped JSON string, parsed. Typed after the spec's example; EPGU
   * may add fields (they are kept) — read unknown ones through `orderJson` or an index.
   */
  order: EpguOrder & Record<string, unknown>;
  /** The string as received. */
  orderJson: string;
}

/**
 * The portal's slice of `createSimulator({ data })` and of the `--data` file (`max:`): the settings a
 * developer flips without code (http webhooks to loopback for local development, the restriction, the
 * legacy chat list), extra bots, and which roster people keep their privacy setting on.
 */
import { z } from 'zod';

export const maxDataSchema = z
  .object({
    allowHttpLoopbackWebhooks: z.boolean().optional(),
    chatList: z.enum(['removed', 'legacy']).optional(),
    memberAddRestriction: z.enum(['auto', 'on', 'off']).optional(),
    /** More bots besides «Демо школа»'s. */
    bots: z
      .array(
        z
          .object({
            name: z.string().min(1).max(64),
            username: z.string().regex(/^[a-z][a-z0-9_]{2,31}$/),
            token: z
              .string()
              .regex(/^[A-Za-z0-9_-]{16,128}$/)
              .optional(),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    /** Roster persona ids whose MAX privacy refuses being added by others (add.participant.privacy). */
    privacy: z.array(z.string().min(1).max(100)).max(10_000).optional(),
    /** Seed the demo chats (default true). */
    demoChats: z.boolean().optional(),
  })
  .strict();

export type MaxData = z.output<typeof maxDataSchema>;
export type MaxDataInput = z.input<typeof maxDataSchema>;

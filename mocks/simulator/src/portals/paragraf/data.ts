/**
 * The portal's data slice (`createSimulator({ data: { paragraf } })`, `paragraf:` in a --data file):
 * extra exchange accounts, and `demo: false` to start without «Демо школа»'s account, journals and lessons.
 */
import { z } from 'zod';

const accountSchema = z
  .object({
    login: z.string().regex(/^[a-zA-Z0-9_-]{4,64}$/, 'login: 4–64 Latin letters, digits, "-" or "_"'),
    password: z.string().regex(/^[a-zA-Z0-9]{6,128}$/, 'password: 6–128 Latin letters or digits'),
    schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'schoolId: 1–64 Latin letters, digits, "-" or "_"'),
  })
  .strict();

export const paragrafDataSchema = z
  .object({
    demo: z.boolean().optional(),
    accounts: z.array(accountSchema).max(1000).optional(),
  })
  .strict();

export type ParagrafData = z.output<typeof paragrafDataSchema>;
export type ParagrafDataInput = z.input<typeof paragrafDataSchema>;

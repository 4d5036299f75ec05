/** zod pieces shared by the response checks (decrypted bodies); shapes follow openapi/gospochta.yaml. */
import { z } from 'zod';

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const dateTimeSchema = z.string().min(10).max(40);
export const hexSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const nextCursorSchema = z.string().max(512).nullable();

export const personSchema = z.object({
  lastName: z.string().max(512),
  firstName: z.string().max(512),
  middleName: z.string().max(512).optional(),
  snils: z.string().max(64).optional(),
  inn: z.string().max(64).optional(),
  passport: z.string().max(64).optional(),
  address: z.string().max(2048).optional(),
  phone: z.string().max(64).optional(),
});

export const addresseeSchema = personSchema.extend({ snils: z.string().max(64) });

export const organisationSchema = z.object({
  name: z.string().max(500),
  ogrn: z.string().max(15).optional(),
  inn: z.string().max(64).optional(),
  kpp: z.string().max(9).optional(),
});

export const detachedJwsSchema = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);

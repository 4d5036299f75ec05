/** What the portal says about the current token (GET /v1/session) and its role matrix (GET /v1/roles). */
import { z } from 'zod';
import { organisationSchema } from '../client/common-schemas.js';
import type { GospochtaContext } from '../client/context.js';
import type { Decrypted, Schemas } from '../client/decrypted.js';
import { protectedCall } from '../client/protected-call.js';
import { PERMISSIONS, ROLES } from './roles.js';

export type Session = Decrypted<Schemas['Session']>;
export type RoleMatrix = Schemas['RoleMatrix'];

const role = z.enum(ROLES as [Schemas['Role'], ...Schemas['Role'][]]);
const permission = z.enum(PERMISSIONS as [Schemas['Permission'], ...Schemas['Permission'][]]);

const sessionSchema = z.object({
  subject: z.string().max(128),
  clientId: z.string().max(128),
  role,
  permissions: z.array(permission),
  expiresAt: z.string().max(40),
  organisation: organisationSchema.optional(),
});

const roleMatrixSchema = z.object({
  roles: z.array(z.object({ role, permissions: z.array(permission) })),
  operations: z.array(z.object({ operationId: z.string().max(64), permission: permission.nullable() })),
});

export async function getSession(context: GospochtaContext): Promise<Session> {
  const { data } = await protectedCall(context, {
    operation: 'getSession',
    method: 'GET',
    template: '/v1/session',
    path: '/v1/session',
    schema: sessionSchema,
  });
  return data as Session;
}

export async function getRoleMatrix(context: GospochtaContext): Promise<RoleMatrix> {
  const { data } = await protectedCall(context, {
    operation: 'getRoleMatrix',
    method: 'GET',
    template: '/v1/roles',
    path: '/v1/roles',
    schema: roleMatrixSchema,
  });
  return data;
}

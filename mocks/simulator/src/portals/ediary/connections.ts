/**
 * Connections: POST links the parent (their ESIA token) to the school's e-diary — each pupil must be
 * one of the parent's children in ESIA (`kidId`), else 403 `not_your_child`; a second POST for the
 * same school and parent answers the same connection (200, `created: false`, pupils updated, no
 * second notice). A new connection sends «Связь успешно установлена» to the personal account, by
 * e-mail and by SMS. GET reads one (its parent, or a system); DELETE unlinks and notifies the parent.
 */
import { z } from 'zod';
import { json, noContent } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import { feedBody } from './body.js';
import { callerOf, isResponse, problem } from './caller.js';
import { outbox, SOURCE } from './notify.js';
import { type EdiaryState, type FeedConnection, parentKey } from './state.js';
import { linkTexts, unlinkText } from './texts.js';

const id = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected 1–64 of A–Z a–z 0–9 . _ : -');

const createSchema = z.strictObject({
  schoolId: id,
  schoolTitle: z.string().min(1).max(200).optional(),
  pupils: z
    .array(
      z.strictObject({
        pupilId: id,
        kidId: z.string().regex(/^\d{1,20}$/, 'expected the ESIA id of a child (digits)'),
        classId: id.optional(),
        by: z.enum(['snils', 'name-birthdate']),
      }),
    )
    .min(1)
    .max(20),
});

export function connectionBody(connection: FeedConnection, created: boolean) {
  return {
    connectionId: connection.connectionId,
    schoolId: connection.schoolId,
    parentOid: connection.parentOid,
    linkedAt: new Date(connection.linkedAtMs).toISOString(),
    updatedAt: new Date(connection.updatedAtMs).toISOString(),
    created,
    pupils: connection.pupils.map((pupil) => ({ ...pupil })),
  };
}

/** ESIA ids of the parent's children (the roster's persona ids resolved to oids). */
function childOids(ctx: RouteContext<EdiaryState>, parentOid: string): Set<string> {
  const parent = ctx.sim.service(identityService).person(parentOid);
  const oids = new Set<string>();
  for (const childId of parent?.children ?? []) {
    const child = ctx.sim.demo.personas.find((persona) => persona.id === childId);
    if (child !== undefined) {
      oids.add(child.oid);
    }
  }
  return oids;
}

const createRoute: RouteDefinition<EdiaryState> = {
  method: 'POST',
  path: '/api/ediary/v1/connections',
  operation: 'connections.create',
  handler: async (ctx) => {
    const caller = await callerOf(ctx, ['parent']);
    if (isResponse(caller)) {
      return caller;
    }
    if (caller.kind !== 'parent') {
      return problem(403, 'forbidden', 'Операция доступна только родителю');
    }
    const body = feedBody(ctx.request, createSchema);
    if (isResponse(body)) {
      return body;
    }
    const request = body.value;
    const children = childOids(ctx, caller.oid);
    const stranger = request.pupils.find((pupil) => !children.has(pupil.kidId));
    if (stranger !== undefined) {
      return problem(
        403,
        'not_your_child',
        `pupils: ученик ${stranger.pupilId} не является ребёнком заявителя по данным ЕСИА`,
      );
    }
    const pupils = request.pupils.map((pupil) => ({
      pupilId: pupil.pupilId,
      kidId: pupil.kidId,
      by: pupil.by,
      ...(pupil.classId === undefined ? {} : { classId: pupil.classId }),
    }));
    const now = ctx.sim.clock.now();
    const key = parentKey(request.schoolId, caller.oid);
    const existing = ctx.state.connections.get(ctx.state.byParent.get(key) ?? '');
    if (existing !== undefined) {
      existing.pupils = pupils;
      existing.updatedAtMs = now;
      return json(connectionBody(existing, false), 200);
    }
    const connection: FeedConnection = {
      connectionId: `EDL-${String(ctx.state.nextConnection++).padStart(6, '0')}`,
      schoolId: request.schoolId,
      schoolTitle: request.schoolTitle ?? request.schoolId,
      parentOid: caller.oid,
      linkedAtMs: now,
      updatedAtMs: now,
      pupils,
    };
    ctx.state.connections.set(connection.connectionId, connection);
    ctx.state.byParent.set(key, connection.connectionId);
    const texts = linkTexts(connection.connectionId, now, connection.schoolTitle);
    outbox(ctx.sim).notifyPerson({
      person: caller.oid,
      channels: ['lk', 'email', 'sms'],
      text: texts.lk,
      texts: { email: texts.email, sms: texts.sms },
      subject: texts.subject,
      category: 'ediary.link',
      source: SOURCE,
      at: now,
      key: `ediary.link:${connection.connectionId}`,
    });
    return json(connectionBody(connection, true), 201);
  },
};

/** The connection the caller may see: its parent's, or any for a system. */
async function ownConnection(ctx: RouteContext<EdiaryState>) {
  const caller = await callerOf(ctx, ['parent', 'system']);
  if (isResponse(caller)) {
    return caller;
  }
  const connection = ctx.state.connections.get(ctx.params.connectionId ?? '');
  if (connection === undefined || (caller.kind === 'parent' && connection.parentOid !== caller.oid)) {
    return problem(404, 'not_found', 'Связь не найдена');
  }
  return connection;
}

const getRoute: RouteDefinition<EdiaryState> = {
  method: 'GET',
  path: '/api/ediary/v1/connections/:connectionId',
  operation: 'connections.get',
  handler: async (ctx) => {
    const connection = await ownConnection(ctx);
    return isResponse(connection) ? connection : json(connectionBody(connection, false));
  },
};

const deleteRoute: RouteDefinition<EdiaryState> = {
  method: 'DELETE',
  path: '/api/ediary/v1/connections/:connectionId',
  operation: 'connections.delete',
  handler: async (ctx) => {
    const connection = await ownConnection(ctx);
    if (isResponse(connection)) {
      return connection;
    }
    ctx.state.connections.delete(connection.connectionId);
    ctx.state.byParent.delete(parentKey(connection.schoolId, connection.parentOid));
    const now = ctx.sim.clock.now();
    outbox(ctx.sim).notifyPerson({
      person: connection.parentOid,
      channels: ['lk'],
      text: unlinkText(connection.connectionId, now),
      category: 'ediary.unlink',
      source: SOURCE,
      at: now,
      key: `ediary.unlink:${connection.connectionId}`,
    });
    return noContent();
  },
};

const linkedPupilsRoute: RouteDefinition<EdiaryState> = {
  method: 'GET',
  path: '/api/ediary/v1/schools/:schoolId/linked-pupils',
  operation: 'linkedPupils.list',
  handler: async (ctx) => {
    const caller = await callerOf(ctx, ['system']);
    if (isResponse(caller)) {
      return caller;
    }
    const schoolId = ctx.params.schoolId ?? '';
    const pupils = new Map<string, { pupilId: string; classId?: string }>();
    for (const connection of ctx.state.connections.values()) {
      if (connection.schoolId === schoolId) {
        for (const pupil of connection.pupils) {
          pupils.set(pupil.pupilId, {
            pupilId: pupil.pupilId,
            ...(pupil.classId === undefined ? {} : { classId: pupil.classId }),
          });
        }
      }
    }
    return json({ schoolId, pupils: [...pupils.values()] });
  },
};

export const connectionRoutes = [createRoute, getRoute, deleteRoute, linkedPupilsRoute];

/**
 * `linkEdiary`: after the parent signed in with ESIA, read their children (`/kids`), match them to
 * the school's pupils, register the connection with Gosuslugi's e-diary feed (which sends the parent
 * «Связь успешно установлена» by every channel) and keep the link in the store. Re-linking is
 * idempotent: the feed knows a connection by school and parent and answers the same connection id
 * (no second notice); the stored link is rewritten with the current pupils.
 */
import { InvalidOptionsError } from '@goskit/core';
import type { EsiaSession } from '../esia/session.js';
import type { EdiaryContext } from './context.js';
import { EdiaryError } from './ediary-error.js';
import { feedRequest } from './feed-request.js';
import { writeLink } from './link-store.js';
import { type MatchReport, matchChildren } from './match-children.js';
import { connectionSchema, type EdiaryLink } from './models.js';

export interface LinkResult {
  link: EdiaryLink;
  /** Which children matched, which did not, which were ambiguous. */
  matching: MatchReport;
  /** False when the connection existed already (an idempotent re-link). */
  created: boolean;
  /** The feed server that answered ('primary', 'backup-1'…). */
  server: string;
}

export interface LinkOptions {
  /** The parent's oid when `auth` is a bare access token that does not carry it. */
  oid?: string;
}

function isSession(value: unknown): value is EsiaSession {
  return typeof value === 'object' && value !== null && 'tokenProvider' in value;
}

export async function linkEdiary(
  context: EdiaryContext,
  auth: EsiaSession | string,
  options: LinkOptions = {},
): Promise<LinkResult> {
  const person = context.options.esia.person(auth, options.oid);
  const parentOid = person.oid;
  const [kids, pupils] = await Promise.all([person.kids(), context.pupils()]);
  const matching = matchChildren(kids, pupils.index);
  if (matching.matched.length === 0) {
    throw new EdiaryError(
      'NO_CHILDREN_MATCHED',
      `none of the parent's ${kids.length} child(ren) matched a pupil of school ${context.school.id} (${matching.ambiguous.length} ambiguous, ${matching.unmatched.length} not found)`,
      {
        matching,
        hint: {
          ru: 'Проверьте ФИО, дату рождения и СНИЛС ребёнка в списке школы и на Госуслугах.',
          en: 'Check the child’s name, birth date and SNILS in the school’s register and on Gosuslugi.',
        },
      },
    );
  }
  const token = isSession(auth) ? await auth.getAccessToken() : auth;
  if (typeof token !== 'string' || token === '') {
    throw new InvalidOptionsError('linkEdiary needs the parent’s ESIA session or access token');
  }
  const answer = await feedRequest(context.transport, {
    method: 'POST',
    path: '/api/ediary/v1/connections',
    auth: { token },
    json: {
      schoolId: context.school.id,
      schoolTitle: context.school.title,
      pupils: matching.matched.map(({ pupilId, kidId, classId, by }) => ({
        pupilId,
        kidId,
        by,
        ...(classId === undefined ? {} : { classId }),
      })),
    },
    schema: connectionSchema,
    // The feed knows a connection by school and parent, so the call is safe to repeat: with a key,
    // core's retry loop (and failover) may send it again after a lost answer.
    idempotencyKey: `ediary-link-${context.school.id}-${parentOid}`,
  });
  const connection = answer.data;
  const link: EdiaryLink = {
    connectionId: connection.connectionId,
    schoolId: connection.schoolId,
    parentOid,
    linkedAt: connection.linkedAt,
    updatedAt: connection.updatedAt,
    pupils: connection.pupils,
  };
  await writeLink(context, link);
  return { link, matching, created: connection.created, server: answer.server };
}

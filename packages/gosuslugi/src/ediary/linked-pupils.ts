/** The pupils of the school that some parent linked — asked from the feed, the source of truth. */
import type { EdiaryContext } from './context.js';
import { feedRequest } from './feed-request.js';
import { linkedPupilsSchema } from './models.js';

export async function linkedPupils(context: EdiaryContext): Promise<Set<string>> {
  const answer = await feedRequest(context.transport, {
    method: 'GET',
    path: `/api/ediary/v1/schools/${encodeURIComponent(context.school.id)}/linked-pupils`,
    auth: { system: context.systemToken },
    schema: linkedPupilsSchema,
  });
  return new Set(answer.data.pupils.map((pupil) => pupil.pupilId));
}

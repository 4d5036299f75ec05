/**
 * The `pushData` query: one school's pupils, keyed by `suid`, in the shape of the public
 * petersburgedu services (surname, name, patronymic, class, dob, event direction, benefit). Class
 * strings stay as the services write them — "5 А", the groups "СОТР" and "РДТЛ", or empty for a pupil
 * who left; dates go out as `dd.mm.yyyy` (ISO input is converted). A suid twice in one push is an error.
 */
import {
  addCodedIssues,
  checkIsoDate,
  checkRuDate,
  isoDateToRu,
  parseClassName,
  personNameSchema,
} from '@goskit/validation';
import { z } from 'zod';
import type { XmlNode } from './envelope.js';

const SUID = /^[A-Za-z0-9_-]{1,64}$/;
const SPECIAL_CLASSES: ReadonlySet<string> = new Set(['СОТР', 'РДТЛ']);

/** A date as `dd.mm.yyyy` or ISO; always sent as `dd.mm.yyyy`. */
const exchangeDate = z.string().transform((value, ctx) => {
  const ru = checkRuDate(value);
  const iso = ru.ok ? ru : checkIsoDate(value);
  if (!iso.ok) {
    addCodedIssues(ctx, ru.ok ? [] : ru.issues);
    return z.NEVER;
  }
  return isoDateToRu(iso.value) as string;
});

/** "5 А" (kept as written, checked), "СОТР", "РДТЛ", or '' for a pupil who left. */
const exchangeClass = z
  .string()
  .refine((value) => value === '' || SPECIAL_CLASSES.has(value) || parseClassName(value).ok, {
    message: 'A class must look like "5 А", or be СОТР, РДТЛ or empty',
  });

export const pushPupilSchema = z.object({
  suid: z.string().regex(SUID, 'suid must be 1–64 Latin letters, digits, "-" or "_"'),
  surname: personNameSchema,
  name: personNameSchema,
  patronymic: personNameSchema.optional(),
  class: exchangeClass,
  dob: exchangeDate,
  /** The pupil came in, left, or only their data changed. */
  event: z.enum(['IN', 'OUT', 'DATA']).optional(),
  portal: z.boolean().optional(),
  benefit: z
    .object({ code: z.string().min(1).max(32), from: exchangeDate, to: exchangeDate.optional() })
    .optional(),
});

export const pushDataSchema = z
  .object({
    schoolId: z.string().regex(SUID, 'schoolId must be 1–64 Latin letters, digits, "-" or "_"'),
    pupils: z.array(pushPupilSchema).min(1).max(50_000),
  })
  .superRefine((query, ctx) => {
    const seen = new Map<string, number>();
    query.pupils.forEach((pupil, index) => {
      const first = seen.get(pupil.suid);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['pupils', index, 'suid'],
          message: `suid repeats pupils[${first}]`,
        });
      } else {
        seen.set(pupil.suid, index);
      }
    });
  });

export type PushPupil = z.input<typeof pushPupilSchema>;
export type PushDataQuery = z.input<typeof pushDataSchema>;

/** The `<ex:query>` element for a checked query. */
export function pushDataContent(query: z.output<typeof pushDataSchema>): XmlNode {
  return {
    'ex:query': {
      'ex:school': {
        '@_id': query.schoolId,
        'ex:pupil': query.pupils.map((pupil) => {
          const node: XmlNode = {
            'ex:suid': pupil.suid,
            'ex:surname': pupil.surname,
            'ex:name': pupil.name,
          };
          if (pupil.patronymic !== undefined) {
            node['ex:patronymic'] = pupil.patronymic;
          }
          node['ex:class'] = pupil.class;
          node['ex:dob'] = pupil.dob;
          if (pupil.portal !== undefined) {
            node['ex:portal'] = String(pupil.portal);
          }
          if (pupil.event !== undefined) {
            node['ex:event'] = { '@_directionType': pupil.event };
          }
          if (pupil.benefit !== undefined) {
            const benefit: XmlNode = { 'ex:code': pupil.benefit.code, 'ex:adate': pupil.benefit.from };
            if (pupil.benefit.to !== undefined) {
              benefit['ex:bdate'] = pupil.benefit.to;
            }
            node['ex:benefit'] = benefit;
          }
          return node;
        }),
      },
    },
  };
}

/**
 * The eleven exchange task types of АИСУ «Параграф» (seed «Сферум — взаимодействие с АИСУ Параграф»),
 * as typed definitions: code, Russian title, English title and a zod schema of the task's settings.
 * Параграф publishes no spec of these tasks: the codes come from the public description, the settings
 * are goskit's own contract [unconfirmed], chosen for what each task evidently does.
 */
import { ruDateSchema } from '@goskit/validation';
import { z } from 'zod';

const interval = z.number().int().min(10).max(86_400);
const httpsUrl = z.url({ protocol: /^https$/ });

export const TASK_TYPES = {
  'heartbeat:process': {
    title: { ru: 'Контроль работы процессов обмена', en: 'Exchange process heartbeat' },
    settings: z.strictObject({ intervalSec: interval.default(60) }),
  },
  'heartbeat:default': {
    title: { ru: 'Контроль доступности системы', en: 'System availability heartbeat' },
    settings: z.strictObject({ intervalSec: interval.default(300) }),
  },
  'paragraf.dnevnik2018:sferum': {
    title: { ru: 'Синхронизация чатов и видеозвонков Сферума', en: 'Sferum chats and video calls sync' },
    settings: z.strictObject({
      syncChats: z.boolean().default(true),
      syncCalls: z.boolean().default(true),
      /** Subject chats only for general-education journals. */
      generalEducationOnly: z.boolean().default(true),
    }),
  },
  'paragraf.region:update': {
    title: { ru: 'Обновление данных в региональной системе', en: 'Regional system update' },
    settings: z.strictObject({
      region: z.string().regex(/^[0-9]{2}$/, 'region is a two-digit region code, e.g. 78'),
      full: z.boolean().default(false),
    }),
  },
  'moodle:moodle': {
    title: { ru: 'Выгрузка в Moodle', en: 'Moodle export' },
    settings: z.strictObject({ url: httpsUrl, courseCategory: z.number().int().positive().optional() }),
  },
  'scud:expire': {
    title: { ru: 'Блокировка пропусков СКУД выбывших', en: 'Access-control cards expiry' },
    settings: z.strictObject({ afterDays: z.number().int().min(0).max(365).default(0) }),
  },
  'food_benefits_full:default': {
    title: { ru: 'Передача сведений о льготах на питание', en: 'Food benefits transfer' },
    settings: z.strictObject({ includeLeft: z.boolean().default(true), zip: z.boolean().default(false) }),
  },
  'paragraf.dnevnik:vc_room': {
    title: { ru: 'Создание видеокомнаты онлайн-урока', en: 'Online lesson video room' },
    settings: z.strictObject({
      provider: z.enum(['sferum', 'pelikan']).default('sferum'),
      createSubjectChat: z.boolean().default(true),
    }),
  },
  'paragraf.dnevnik:vc_cancel': {
    title: { ru: 'Завершение и отмена видеоурока', en: 'Online lesson cancel' },
    settings: z.strictObject({ notifyChat: z.boolean().default(true) }),
  },
  'paragraf.dnevnik:default': {
    title: { ru: 'Синхронизация электронного дневника', en: 'E-diary sync' },
    settings: z.strictObject({
      since: ruDateSchema.optional(),
      marks: z.boolean().default(true),
      homework: z.boolean().default(true),
    }),
  },
  'paragraf.dnevnik:pelikan': {
    title: { ru: 'Видеоконференции «Пеликан»', en: '«Пеликан» video conferencing' },
    settings: z.strictObject({ server: httpsUrl, room: z.string().min(1).max(100).optional() }),
  },
} as const satisfies Record<string, { title: { ru: string; en: string }; settings: z.ZodType }>;

export type TaskCode = keyof typeof TASK_TYPES;
export type TaskSettingsInput<C extends TaskCode> = z.input<(typeof TASK_TYPES)[C]['settings']>;
export type TaskSettings<C extends TaskCode> = z.output<(typeof TASK_TYPES)[C]['settings']>;

export const TASK_CODES = Object.keys(TASK_TYPES) as TaskCode[];

export function isTaskCode(value: unknown): value is TaskCode {
  return typeof value === 'string' && Object.hasOwn(TASK_TYPES, value);
}

/**
 * The texts Gosuslugi sends about the e-diary. The link notice is the seed's, word for word:
 * «Связь успешно установлена» in the personal account and as the e-mail subject, and by SMS
 * «Связь успешно установлена. Дата: …» with the date, time (Moscow) and the connection id.
 * The other texts are goskit's own.
 */

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const pad = (value: number) => String(value).padStart(2, '0');

/** 'dd.MM.yyyy' and 'HH:mm' in Moscow time (UTC+3, no daylight saving). */
export function moscowDateTime(ms: number): { date: string; time: string } {
  const local = new Date(ms + MOSCOW_OFFSET_MS);
  return {
    date: `${pad(local.getUTCDate())}.${pad(local.getUTCMonth() + 1)}.${local.getUTCFullYear()}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

/** 'yyyy-MM-dd' → 'dd.MM.yyyy' (anything else as given). */
export function ruDay(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDay;
}

export const LINK_SUBJECT = 'Связь успешно установлена';

export function linkTexts(connectionId: string, atMs: number, schoolTitle: string) {
  const { date, time } = moscowDateTime(atMs);
  const details = `Дата: ${date}, время: ${time} (МСК), идентификатор связи: ${connectionId}`;
  return {
    subject: LINK_SUBJECT,
    lk: `${LINK_SUBJECT}. Электронный дневник «${schoolTitle}» связан с вашей учётной записью Госуслуг. ${details}.`,
    email: `Здравствуйте!\n\n${LINK_SUBJECT}: электронный дневник «${schoolTitle}» связан с вашей учётной записью Госуслуг.\n${details}.\n\nЕсли это были не вы, отключите связь в личном кабинете.`,
    sms: `${LINK_SUBJECT}. ${details}`,
  };
}

export function unlinkText(connectionId: string, atMs: number): string {
  const { date, time } = moscowDateTime(atMs);
  return `Связь с электронным дневником отключена. Дата: ${date}, время: ${time} (МСК), идентификатор связи: ${connectionId}`;
}

const REASONS: Record<string, string> = {
  absent: 'отсутствие',
  ill: 'отсутствие по болезни',
  excused: 'отсутствие по уважительной причине',
  late: 'опоздание',
};

const CHANGES: Record<string, string> = {
  added: 'добавлен',
  changed: 'изменён',
  moved: 'перенесён',
  cancelled: 'отменён',
};

export const markText = (value: string, subject: string, day: string) =>
  `Новая оценка: ${value} — ${subject}, ${ruDay(day)}`;

export const absenceText = (
  reason: string,
  day: string,
  subject: string | undefined,
  minutes: number | undefined,
) =>
  `Посещаемость: ${REASONS[reason] ?? reason}${minutes === undefined ? '' : ` (${minutes} мин)`}, ${ruDay(day)}${subject === undefined ? '' : `, ${subject}`}`;

export const scheduleText = (
  className: string | undefined,
  day: string,
  lesson: number,
  subject: string,
  change: string,
) =>
  `Изменение расписания${className === undefined ? '' : ` ${className}`}: ${ruDay(day)}, урок ${lesson} «${subject}» ${CHANGES[change] ?? change}`;

export const eventText = (title: string, day: string) => `Событие: ${title}, ${ruDay(day)}`;

export function deviationsTexts(report: {
  file: string;
  records: number;
  accepted: number;
  refused: number;
  deviations: number;
}) {
  return {
    subject: `Отчёт об отклонениях: ${report.file}`,
    text: `Файл «${report.file}» проверен: записей ${report.records}, принято ${report.accepted}, отклонено ${report.refused}, отклонений ${report.deviations}. Подробности — в отчёте системы школы.`,
  };
}

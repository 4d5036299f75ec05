import type { ErrorHint } from './gosuslugi-error.js';

/**
 * The usual cause of each ESIA code, from the reference's code list and the integrators' issue
 * threads (go-api-epgu esia/aas/errors.go, ilimurzin/esia, AISGorod, fr05t1k/esia).
 */
export const ESIA_ERROR_HINTS: Readonly<Record<string, ErrorHint>> = {
  'ESIA-007002': {
    ru: 'Сертификат не соответствует мнемонике системы: проверьте, что в ЕСИА загружен именно этот сертификат.',
    en: 'The certificate does not match the system mnemonic: check that ESIA holds this very certificate.',
  },
  'ESIA-007003': {
    ru: 'Параметр запроса отсутствует, неверен или передан дважды (часто redirect_uri или access_type).',
    en: 'A request parameter is missing, invalid or duplicated (often redirect_uri or access_type).',
  },
  'ESIA-007004': {
    ru: 'Пользователь отказался предоставить доступ на странице согласия.',
    en: 'The user refused access on the consent page.',
  },
  'ESIA-007005': {
    ru: 'Система не зарегистрирована или ей не разрешён этот способ: проверьте client_id и настройки на технологическом портале.',
    en: 'The system is not registered or not allowed this method: check client_id and the tech-portal settings.',
  },
  'ESIA-007006': {
    ru: 'Запрошен неизвестный или не разрешённый системе scope, либо scope не совпадает с запросом на код.',
    en: 'A scope is unknown or not granted to the system, or differs from the one sent for the code.',
  },
  'ESIA-007007': { ru: 'Внутренняя ошибка ЕСИА: повторите позже.', en: 'ESIA internal error: retry later.' },
  'ESIA-007008': {
    ru: 'ЕСИА перегружена: повторите запрос позже.',
    en: 'ESIA is overloaded: retry later.',
  },
  'ESIA-007009': {
    ru: 'Метод (grant_type) не поддерживается.',
    en: 'The method (grant_type) is not supported.',
  },
  'ESIA-007011': {
    ru: 'Код авторизации или refresh_token неверен, истёк (код живёт 240 с), уже использован или выдан другой системе.',
    en: 'The authorization code or refresh_token is invalid, expired (codes live 240 s), already used or issued to another system.',
  },
  'ESIA-007012': {
    ru: 'Неподдерживаемый тип ответа: response_type должен быть code.',
    en: 'Unsupported response type: response_type must be code.',
  },
  'ESIA-007013': {
    ru: 'Не указан scope.',
    en: 'No scope was given.',
  },
  'ESIA-007014': {
    ru: 'Нет обязательного параметра (его имя в квадратных скобках), часто client_certificate_hash при переходе на v2/v3.',
    en: 'A mandatory parameter is missing (named in brackets), often client_certificate_hash after moving to v2/v3.',
  },
  'ESIA-007015': {
    ru: 'Неверное время запроса: сверьте часы сервера (NTP) и формат timestamp «yyyy.MM.dd HH:mm:ss +hhmm».',
    en: 'Bad request time: sync the server clock (NTP) and use the "yyyy.MM.dd HH:mm:ss +hhmm" timestamp.',
  },
  'ESIA-007019': {
    ru: 'У системы нет разрешения на запрошенные данные: оформите доступ к scope на технологическом портале.',
    en: 'The system has no permission for the requested data: request the scope on the tech portal.',
  },
  'ESIA-007023': {
    ru: 'redirect_uri не зарегистрирован для системы: он должен совпадать с указанным на технологическом портале.',
    en: 'redirect_uri is not registered for the system: it must match the one on the tech portal.',
  },
  'ESIA-007038': {
    ru: 'ЕСИА не смогла разобрать параметр запроса.',
    en: 'ESIA could not parse a request parameter.',
  },
  'ESIA-007039': { ru: 'Не передан code_challenge (PKCE).', en: 'code_challenge (PKCE) is missing.' },
  'ESIA-007040': {
    ru: 'code_verifier не соответствует code_challenge (PKCE).',
    en: 'code_verifier does not match code_challenge (PKCE).',
  },
  'ESIA-007046': {
    ru: 'Двухфакторная аутентификация невозможна для этой учётной записи.',
    en: 'Two-factor authentication is impossible for this account.',
  },
  'ESIA-007053': {
    ru: 'Неверный client_secret или client_certificate_hash: подписывайте строку client_id+scope+scope_org+timestamp+state+redirect_uri[+code] ГОСТ Р 34.10-2012 (64 байта, base64url), хэш — ГОСТ Р 34.11-2012 от DER-сертификата, не PEM.',
    en: 'Wrong client_secret or client_certificate_hash: sign client_id+scope+scope_org+timestamp+state+redirect_uri[+code] with GOST R 34.10-2012 (64 bytes, base64url); hash the DER certificate with GOST R 34.11-2012, not the PEM.',
  },
  'ESIA-007055': {
    ru: 'Учётная запись пользователя не подтверждена: войти может только подтверждённая учётная запись.',
    en: 'The user account is not confirmed: only confirmed accounts may sign in.',
  },
  'ESIA-007060': {
    ru: 'Неверные роли в запросе (параметр roles).',
    en: 'Invalid roles in the request (the roles parameter).',
  },
  'ESIA-007061': {
    ru: 'Неверный тип объекта (obj_type) в запросе.',
    en: 'Invalid object type (obj_type) in the request.',
  },
  'ESIA-007062': {
    ru: 'Тип пользователя не подходит для запрошенного доступа (например, организация вместо физлица).',
    en: 'The user type does not fit the requested access (e.g. an organisation instead of a person).',
  },
  'ESIA-007194': {
    ru: 'Запрошены данные организации, но пользователь не её сотрудник.',
    en: 'Organisation data were requested but the user is not an employee.',
  },
  'ESIA-008010': {
    ru: 'Не удалось аутентифицировать систему: проверьте client_id, сертификат и подпись client_secret.',
    en: 'Client authentication failed: check client_id, the certificate and the client_secret signature.',
  },
};

/** ESIA-036700…036727: the Digital Profile consent (`permissions`) was refused or malformed. */
const CONSENT_HINT: ErrorHint = {
  ru: 'Ошибка согласия цифрового профиля (параметр permissions): проверьте sysname, срок (expire), действия и цели; пользователь мог отклонить согласие.',
  en: 'Digital Profile consent error (the permissions parameter): check sysname, expire, actions and purposes; the user may have refused the consent.',
};

/** The note goskit-sim appends to its 007015 text: `(goskit-sim: …virtual clock reads <ISO>…)`. */
const SIMULATOR_CLOCK = /goskit-sim:[^)]*virtual clock reads (\d{4}-\d\d-\d\dT[\d:.]+Z)/;

/**
 * The hint of an `ESIA-0xxxxx` code, or undefined for codes without one. With the error text, a
 * 007015 answered by goskit-sim names the simulator's virtual clock instead of the host's NTP.
 */
export function esiaErrorHint(esiaCode: string | undefined, description?: string): ErrorHint | undefined {
  if (esiaCode === undefined) {
    return undefined;
  }
  const simulatorNow = esiaCode === 'ESIA-007015' ? SIMULATOR_CLOCK.exec(description ?? '')?.[1] : undefined;
  if (simulatorNow !== undefined) {
    return {
      ru: `Время запроса не совпало с виртуальными часами симулятора goskit-sim (у него сейчас ${simulatorNow}): подписывайте timestamp по этим часам (sim.clock в процессе, GET /__goskit/clock у goskit-sim), а не по часам сервера.`,
      en: `The request time is off the goskit-sim virtual clock (it reads ${simulatorNow}): take the timestamp from that clock (sim.clock in process, GET /__goskit/clock for goskit-sim), not the host clock.`,
    };
  }
  const known = ESIA_ERROR_HINTS[esiaCode];
  if (known) {
    return known;
  }
  const consent = /^ESIA-0367(\d\d)$/.exec(esiaCode);
  return consent && Number(consent[1]) <= 27 ? CONSENT_HINT : undefined;
}

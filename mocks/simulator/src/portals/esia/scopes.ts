/**
 * ESIA scopes the simulator knows, their Russian titles for the consent page, and which scopes open
 * which REST resource (goskit's mapping; ESIA documents it per scope in the MR).
 */
import { esiaOpenApi } from './openapi.gen.js';
export const SCOPE_TITLES: Record<string, string> = {
  openid: 'Идентификатор пользователя',
  fullname: 'Фамилия, имя и отчество',
  birthdate: 'Дата рождения',
  gender: 'Пол',
  birthplace: 'Место рождения',
  snils: 'СНИЛС',
  inn: 'ИНН',
  id_doc: 'Данные о документе, удостоверяющем личность',
  medical_doc: 'Полис ОМС',
  military_doc: 'Военный билет',
  foreign_passport_doc: 'Заграничный паспорт',
  drivers_licence_doc: 'Водительское удостоверение',
  birth_cert_doc: 'Свидетельство о рождении',
  residence_doc: 'Вид на жительство',
  temporary_residence_doc: 'Разрешение на временное проживание',
  vehicles: 'Транспортные средства',
  email: 'Адрес электронной почты',
  mobile: 'Номер мобильного телефона',
  contacts: 'Контактные данные',
  addresses: 'Адреса',
  usr_org: 'Организации и роли пользователя',
  kid_fullname: 'ФИО детей',
  kid_birthdate: 'Даты рождения детей',
  kid_gender: 'Пол детей',
  kid_snils: 'СНИЛС детей',
  kid_inn: 'ИНН детей',
  kid_birth_cert_doc: 'Свидетельства о рождении детей',
  kid_medical_doc: 'Полисы ОМС детей',
  prm_chg: 'Изменение данных цифрового профиля',
  'http://lk.gosuslugi.ru/api-order': 'Подача заявлений и сведения о них на Госуслугах (API ЕПГУ)',
};

export { scopeNames } from '../../services/identity.js';

/** The items of a space-separated scope as sent (`prm_chg?oid=…` kept whole). */
export function scopeItems(scope: string): string[] {
  return scope.split(/\s+/).filter((item) => item.length > 0);
}

/** Organisation scopes come as URLs (`http://esia.gosuslugi.ru/org_ogrn?org_oid=…`); any such URL is accepted. */
export function isKnownScope(name: string): boolean {
  return Object.hasOwn(SCOPE_TITLES, name) || /^https?:\/\/[^\s]+$/.test(name);
}

/** Russian title for the consent page. */
export function scopeTitle(name: string): string {
  return (Object.hasOwn(SCOPE_TITLES, name) ? SCOPE_TITLES[name] : undefined) ?? name;
}

/** The scope string the tokens carry: every scope as `<name>?oid=<oid>`, openid bare. */
export function grantedScope(scope: string, oid: string): string {
  return scope
    .split(/\s+/)
    .filter((item) => item.length > 0)
    .map((item) => {
      // URL scopes (organisation, EPGU) and scopes that already name their object stay as sent.
      if (item === 'openid' || item.includes('://') || item.includes('?')) {
        return item;
      }
      return `${item}?oid=${oid}`;
    })
    .join(' ');
}

/**
 * Which scopes open which REST resource (any one of the list suffices): `x-goskit-resource-scopes` of
 * the ESIA contract (packages/gosuslugi/openapi/esia.yaml), the one source the client's table is
 * generated from too; docs/esia-portal.md shows it.
 */
export const RESOURCE_SCOPES = esiaOpenApi['x-goskit-resource-scopes'] as Readonly<
  Record<string, readonly string[]>
>;

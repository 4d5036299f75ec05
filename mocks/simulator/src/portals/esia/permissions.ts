/**
 * The `permissions` parameter of v2/ac — the Digital Profile consents a system asks the person for
 * (APIPGU: the EPGU order API). Base64url (padded or not) of a JSON array
 * `[{responsibleObject, sysname, expire (minutes), actions:[{sysname}], purposes:[{sysname}], scopes:[{sysname}]}]`
 * (go-api-epgu `permissions.go`), checked against the consent types the simulator knows, refusals
 * with the ESIA-0367xx codes of go-api-epgu's error list.
 */
import { fromBase64Any, fromUtf8 } from '@goskit/crypto';
import { EsiaRejection } from './errors.js';

export const EPGU_API_ORDER = 'http://lk.gosuslugi.ru/api-order';

/** A consent type (ESIA's «тип согласия»): what a system may ask for under its sysname. */
export interface ConsentType {
  sysname: string;
  /** Russian title on the consent page. */
  title: string;
  purposes: readonly string[];
  actions: readonly string[];
  /** Scopes the consent must name. */
  requiredScopes: readonly string[];
  /** Scopes it may name (the required ones included). */
  allowedScopes: readonly string[];
  /** Longest consent, minutes; also the default when `expire` is omitted. */
  maxExpireMinutes: number;
}

/**
 * APIPGU as go-api-epgu asks for it: purpose APIPGU, action ALL_ACTIONS_TO_DATA, the api-order scope
 * (required) and the person scopes its example lists as optional; at most 525 600 minutes (a year,
 * «макс. срок согласия данного типа»).
 */
export const APIPGU: ConsentType = {
  sysname: 'APIPGU',
  title: 'Подача заявлений на Госуслугах через информационную систему',
  purposes: ['APIPGU'],
  actions: ['ALL_ACTIONS_TO_DATA'],
  requiredScopes: [EPGU_API_ORDER],
  allowedScopes: [EPGU_API_ORDER, 'snils', 'id_doc', 'gender', 'fullname', 'birthdate', 'addresses'],
  maxExpireMinutes: 525_600,
};

export const CONSENT_TYPES: ReadonlyMap<string, ConsentType> = new Map([[APIPGU.sysname, APIPGU]]);

export const PURPOSE_TITLES: Readonly<Record<string, string>> = {
  APIPGU: 'Подача заявлений и получение сведений о них через API Госуслуг',
};
export const ACTION_TITLES: Readonly<Record<string, string>> = {
  ALL_ACTIONS_TO_DATA: 'Все действия с данными',
};

/** A consent as asked for, normalised (sysnames as plain strings). */
export interface RequestedPermission {
  sysname: string;
  /** The organisation named on the page; the system's title when the request omits it. */
  responsibleObject: string | undefined;
  expireMinutes: number;
  actions: string[];
  purposes: string[];
  scopes: string[];
}

/** A consent the person gave: the request plus when it ends (virtual epoch ms). */
export interface GrantedPermission extends RequestedPermission {
  expiresMs: number;
}

/** Most consents one request may carry (ESIA's limit is unpublished; a bound against abuse). */
const MAX_PERMISSIONS = 20;
const MAX_LIST = 50;
const MAX_TEXT = 500;

function sysnames(value: unknown): string[] | undefined {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    return undefined;
  }
  const out: string[] = [];
  for (const item of value) {
    const name = (item as { sysname?: unknown } | null)?.sysname;
    if (typeof name !== 'string' || name === '' || name.length > MAX_TEXT) {
      return undefined;
    }
    out.push(name);
  }
  return out;
}

function checkOne(raw: unknown): RequestedPermission | EsiaRejection {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return new EsiaRejection('007038', undefined, 'permissions: every element must be a JSON object');
  }
  const record = raw as Record<string, unknown>;
  const sysname = record.sysname;
  if (typeof sysname !== 'string' || sysname === '') {
    return new EsiaRejection('036700');
  }
  const type = CONSENT_TYPES.get(sysname);
  if (!type) {
    return new EsiaRejection('036701', undefined, `permissions: consent type '${sysname.slice(0, 40)}'`);
  }
  const actions = sysnames(record.actions);
  const purposes = sysnames(record.purposes);
  const scopes = sysnames(record.scopes);
  if (!actions || !purposes || !scopes) {
    return new EsiaRejection(
      '007038',
      undefined,
      'permissions: actions, purposes, scopes are [{sysname}] lists',
    );
  }
  if (actions.length === 0) {
    return new EsiaRejection('036705');
  }
  const badAction = actions.find((action) => !type.actions.includes(action));
  if (badAction !== undefined) {
    return new EsiaRejection('036706', undefined, `permissions: action '${badAction.slice(0, 40)}'`);
  }
  if (purposes.length === 0) {
    return new EsiaRejection('036707');
  }
  if (purposes.length > 1) {
    return new EsiaRejection('036727');
  }
  if (!type.purposes.includes(purposes[0] as string)) {
    return new EsiaRejection(
      '036726',
      undefined,
      `permissions: purpose '${String(purposes[0]).slice(0, 40)}'`,
    );
  }
  const missing = type.requiredScopes.find((scope) => !scopes.includes(scope));
  if (missing !== undefined) {
    return new EsiaRejection('036702', undefined, `permissions: ${sysname} needs the scope ${missing}`);
  }
  const outside = scopes.find((scope) => !type.allowedScopes.includes(scope));
  if (outside !== undefined) {
    return new EsiaRejection('036703', undefined, `permissions: scope '${outside.slice(0, 60)}'`);
  }
  const expire = record.expire ?? type.maxExpireMinutes;
  if (!Number.isInteger(expire) || (expire as number) < 1 || (expire as number) > type.maxExpireMinutes) {
    return new EsiaRejection(
      '036716',
      undefined,
      `permissions: expire must be 1…${type.maxExpireMinutes} minutes for ${sysname}`,
    );
  }
  const responsible = record.responsibleObject;
  return {
    sysname,
    responsibleObject:
      typeof responsible === 'string' && responsible !== '' ? responsible.slice(0, MAX_TEXT) : undefined,
    expireMinutes: expire as number,
    actions,
    purposes,
    scopes,
  };
}

/** Decodes and checks `permissions`; an EsiaRejection names the first problem. */
export function parsePermissions(encoded: string): RequestedPermission[] | EsiaRejection {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_\-+/]+={0,2}$/.test(encoded) || encoded.length > 20_000) {
      throw new Error('alphabet');
    }
    value = JSON.parse(fromUtf8(fromBase64Any(encoded)));
  } catch {
    return new EsiaRejection('007038', undefined, 'permissions: not base64url of a JSON array');
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_PERMISSIONS) {
    return new EsiaRejection(
      '007038',
      undefined,
      `permissions: a JSON array of 1…${MAX_PERMISSIONS} consents`,
    );
  }
  const out: RequestedPermission[] = [];
  for (const raw of value) {
    const checked = checkOne(raw);
    if (checked instanceof EsiaRejection) {
      return checked;
    }
    if (out.some((known) => known.sysname === checked.sysname)) {
      return new EsiaRejection('007038', undefined, `permissions: ${checked.sysname} is asked for twice`);
    }
    out.push(checked);
  }
  return out;
}

/** The `permissions` claim of an access token: the consents as asked for, plus `exp` (epoch s). */
export function permissionsClaim(permissions: readonly GrantedPermission[]): Record<string, unknown>[] {
  return permissions.map((permission) => ({
    sysname: permission.sysname,
    responsibleObject: permission.responsibleObject ?? '',
    expire: permission.expireMinutes,
    exp: Math.floor(permission.expiresMs / 1000),
    actions: permission.actions.map((sysname) => ({ sysname })),
    purposes: permission.purposes.map((sysname) => ({ sysname })),
    scopes: permission.scopes.map((sysname) => ({ sysname })),
  }));
}

import { InvalidOptionsError } from '@goskit/core';
import { toBase64Url, utf8 } from '@goskit/crypto';

/** One consent the user gives on ESIA's page (Digital Profile `permissions`, MR Б.9). */
export interface EsiaPermission {
  /** Who receives the data, shown to the user (the organisation's name). */
  responsibleObject: string;
  /** The system's permission code, e.g. 'APIPGU' for the EPGU order API. */
  sysname: string;
  /** Lifetime of the consent, minutes. */
  expire: number;
  actions: readonly string[];
  purposes: readonly string[];
  scopes: readonly string[];
}

/**
 * Encodes `permissions` for authorizationUrl({ permissions }): unpadded base64url of the JSON array
 * ESIA expects (field names as go-api-epgu's permissions.go writes them).
 */
export function encodePermissions(permissions: readonly EsiaPermission[]): string {
  if (permissions.length === 0) {
    throw new InvalidOptionsError('permissions must not be empty');
  }
  const body = permissions.map((permission) => {
    if (!permission.sysname || !permission.responsibleObject || !(permission.expire > 0)) {
      throw new InvalidOptionsError('each permission needs responsibleObject, sysname and a positive expire');
    }
    return {
      responsibleObject: permission.responsibleObject,
      sysname: permission.sysname,
      expire: permission.expire,
      actions: permission.actions.map((sysname) => ({ sysname })),
      purposes: permission.purposes.map((sysname) => ({ sysname })),
      scopes: permission.scopes.map((sysname) => ({ sysname })),
    };
  });
  return toBase64Url(utf8(JSON.stringify(body)));
}

/**
 * The consent EPGU's order API needs (without it EPGU answers access_denied_person_permissions):
 * sysname and purpose APIPGU, action ALL_ACTIONS_TO_DATA, scope http://lk.gosuslugi.ru/api-order.
 */
export function epguPermissions(responsibleObject: string, expireMinutes = 60 * 24 * 7): string {
  return encodePermissions([
    {
      responsibleObject,
      sysname: 'APIPGU',
      expire: expireMinutes,
      actions: ['ALL_ACTIONS_TO_DATA'],
      purposes: ['APIPGU'],
      scopes: ['http://lk.gosuslugi.ru/api-order'],
    },
  ]);
}

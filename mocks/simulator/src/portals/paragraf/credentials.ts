/**
 * Who an exchange request speaks for: the SOAP `login`/`password` header elements of `POST /exchange`
 * and `Authorization: Basic` of `GET /export` name the same exchange account. Anything unreadable, an
 * unknown login or a wrong password is no account; the routes turn that into their own refusal.
 */
import type { ParagrafAccount, ParagrafState } from './state.js';

/** Longest `Authorization` header read; a longer one is refused unread. */
export const MAX_AUTHORIZATION = 1024;
const BASIC = /^Basic ([A-Za-z0-9+/]+={0,2})$/i;

/** The account these credentials open, or undefined. */
export function accountFor(
  state: ParagrafState,
  login: string | undefined,
  password: string | undefined,
): ParagrafAccount | undefined {
  const account = login === undefined ? undefined : state.accounts.get(login);
  // A stored password is a string, so an absent one never matches.
  return account !== undefined && account.password === password ? account : undefined;
}

/** `login:password` of an `Authorization: Basic …` header (UTF-8), or undefined when unreadable. */
export function basicCredentials(
  header: string | undefined,
): { login: string; password: string } | undefined {
  if (header === undefined || header.length > MAX_AUTHORIZATION) {
    return undefined;
  }
  const match = BASIC.exec(header.trim());
  if (match === null) {
    return undefined;
  }
  let decoded: string;
  try {
    const binary = atob(match[1] as string);
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
  // RFC 7617: the user-id cannot contain a colon, so the first one ends it; an empty login is none.
  const colon = decoded.indexOf(':');
  return colon < 1 ? undefined : { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The exchange account named by `Authorization: Basic …`, or undefined. */
export function basicAccount(state: ParagrafState, header: string | undefined): ParagrafAccount | undefined {
  const credentials = basicCredentials(header);
  return credentials === undefined ? undefined : accountFor(state, credentials.login, credentials.password);
}

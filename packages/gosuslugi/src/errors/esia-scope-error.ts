import { EsiaError } from './esia-error.js';

/** ESIA answered 403 on a /rs resource: the access token lacks the scope that opens it. */
export class EsiaScopeError extends EsiaError<'MISSING_SCOPE'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'EsiaScopeError';

  /** The resource asked for: 'person', 'ctts', 'addrs', 'docs', 'kids', 'vhls', 'roles', 'orgs', 'org'. */
  readonly resource: string;
  /** The scope(s) any one of which opens it — ask for one of them in authorizationUrl(). */
  readonly missingScopes: readonly string[];

  constructor(
    resource: string,
    missingScopes: readonly string[],
    options: { status?: number; cause?: unknown } = {},
  ) {
    const list = missingScopes.join(' | ');
    super('MISSING_SCOPE', `ESIA refused ${resource}: the access token lacks the scope ${list}`, {
      status: options.status,
      cause: options.cause,
      hint: {
        ru: `Запросите scope ${list} в authorizationUrl() и получите новый токен (пользователь должен дать согласие).`,
        en: `Ask for the scope ${list} in authorizationUrl() and get a new token (the user must consent).`,
      },
    });
    this.resource = resource;
    this.missingScopes = missingScopes;
  }

  /** The first scope that opens the resource. */
  get missingScope(): string {
    return this.missingScopes[0] ?? '';
  }
}

export function isEsiaScopeError(value: unknown): value is EsiaScopeError {
  return value instanceof EsiaScopeError;
}

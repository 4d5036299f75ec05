import { GospochtaError } from './gospochta-error.js';

/** A link from the portal points outside the API's origin and base path; it is never followed. */
export class UnsafeLinkError extends GospochtaError<'UNSAFE_LINK'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'UnsafeLinkError';

  constructor(what: string) {
    super('UNSAFE_LINK', `${what} points outside the Gospochta API base URL; not followed`);
  }
}

/**
 * The contract's types as a caller sees them: every `Encrypted` PII value (`{ $enc }` on the wire)
 * is its plain string after the packet is opened. `Decrypted<components['schemas']['Letter']>` is the
 * letter the client returns; a renamed field in openapi/gospochta.yaml breaks the build here.
 */
import type { components } from '../generated/gospochta.js';

type Encrypted = components['schemas']['Encrypted'];

export type Decrypted<T> = T extends Encrypted
  ? string
  : T extends readonly (infer U)[]
    ? Decrypted<U>[]
    : T extends object
      ? { [K in keyof T]: Decrypted<T[K]> }
      : T;

export type Schemas = components['schemas'];

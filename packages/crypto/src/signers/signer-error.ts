import { CryptoError, type CryptoErrorCode } from '../errors.js';
import type { SignerStep } from './signer.js';

/**
 * A failure of an external signer, naming the step. Messages carry the tool's name, exit code and
 * a short, bounded excerpt of its stderr — never key material, PINs or the data being signed.
 */
export class SignerError extends CryptoError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SignerError';

  readonly step: SignerStep;

  constructor(code: CryptoErrorCode, step: SignerStep, message: string, options?: { cause?: unknown }) {
    super(code, `${message} (step: ${step})`, options);
    this.step = step;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), step: this.step };
  }
}

const MAX_STDERR = 300;

/** Keeps a short tail of a tool's stderr with anything that looks like key text or long hex/base64 removed. */
export function stderrExcerpt(stderr: string, secrets: readonly string[] = []): string {
  let text = stderr
    .replace(/-----BEGIN[\s\S]*?(-----END[^-]*-----|$)/g, '[PEM REDACTED]')
    .replace(/[A-Za-z0-9+/=_-]{40,}/g, '[REDACTED]')
    .replace(/^Engine "gost" set\.\s*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const secret of secrets) {
    if (secret.length > 0) {
      text = text.split(secret).join('[REDACTED]');
    }
  }
  return text.length > MAX_STDERR ? `…${text.slice(-MAX_STDERR)}` : text;
}

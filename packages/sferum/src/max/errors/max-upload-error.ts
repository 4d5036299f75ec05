/**
 * Step 2 of an upload failed: the upload URL answered a non-2xx status, or a body without the token
 * MAX promises. Carries the status and the upload type, never the upload URL's signature or the token.
 */
import { MaxError } from './max-error.js';

export class MaxUploadError extends MaxError<'UPLOAD_FAILED' | 'INVALID_RESPONSE'> {
  readonly status: number | undefined;
  readonly uploadType: string;

  constructor(
    code: 'UPLOAD_FAILED' | 'INVALID_RESPONSE',
    message: string,
    details: { status?: number; uploadType: string; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.status = details.status;
    this.uploadType = details.uploadType;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, uploadType: this.uploadType };
  }
}

/**
 * The exchange service answered with a SOAP fault. Keeps the fault's own code (`soap:Client`,
 * `soap:Server`) and text, the service's error code from `<detail>` when present, and the HTTP status.
 * The text is bounded; the request (which carries the password) is never part of the message.
 */
import { ParagrafError } from './paragraf-error.js';

export interface SoapFaultDetails {
  faultCode: string;
  faultString: string;
  /** `<detail><exchangeError code="…">` — the service's own code. */
  portalCode?: string;
  status: number;
  operation: string;
}

export class SoapFaultError extends ParagrafError<'SOAP_FAULT'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SoapFaultError';

  readonly faultCode: string;
  readonly faultString: string;
  readonly portalCode: string | undefined;
  readonly status: number;
  readonly operation: string;

  constructor(details: SoapFaultDetails, options?: { cause?: unknown }) {
    const text =
      details.faultString.length > 500 ? `${details.faultString.slice(0, 500)}…` : details.faultString;
    super(
      'SOAP_FAULT',
      `${details.operation}: SOAP fault ${details.faultCode}${details.portalCode ? ` (${details.portalCode})` : ''}: ${text}`,
      options,
    );
    this.faultCode = details.faultCode;
    this.faultString = text;
    this.portalCode = details.portalCode;
    this.status = details.status;
    this.operation = details.operation;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      faultCode: this.faultCode,
      faultString: this.faultString,
      portalCode: this.portalCode,
      status: this.status,
      operation: this.operation,
    };
  }
}

/**
 * Receipts: the signed JSON (detached JWS over the canonical decrypted receipt, checked against the
 * portal's certificates) and the PDF, whose SHA-256 must equal the signed receipt's `pdfSha256`.
 */
import type { GospochtaContext } from '../client/context.js';
import { checkId } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { SignatureInvalidError } from '../errors/signature-invalid-error.js';
import { hashFile } from '../signatures/file-hashes.js';
import { type SignatureInfo, verifySignedJson } from '../signatures/signed-json.js';
import { type Receipt, receiptSchema, signedReceiptSchema } from './models.js';

export interface VerifiedReceipt {
  receipt: Receipt;
  signature: string;
  signedBy: SignatureInfo;
}

/** Verifies a `{ receipt, signature }` pair (from a payment or getReceipt) and checks its shape. */
export async function verifyReceipt(
  context: GospochtaContext,
  signed: { receipt: Record<string, unknown>; signature: string },
  operation: string,
  requestId: string,
): Promise<VerifiedReceipt> {
  const signedBy = await verifySignedJson(signed.receipt, signed.signature, context.portalTrust, 'receipt');
  const parsed = receiptSchema.safeParse(signed.receipt);
  if (!parsed.success) {
    throw new InvalidResponseError(operation, 'the signed receipt does not match the contract', {
      requestId,
      cause: parsed.error,
    });
  }
  return { receipt: parsed.data as Receipt, signature: signed.signature, signedBy };
}

export async function getReceipt(context: GospochtaContext, paymentId: string): Promise<VerifiedReceipt> {
  const id = checkId(paymentId, 'paymentId');
  const { data, requestId } = await protectedCall(context, {
    operation: 'getReceipt',
    method: 'GET',
    template: '/v1/payments/{paymentId}/receipt',
    path: `/v1/payments/${id}/receipt`,
    schema: signedReceiptSchema,
  });
  const verified = await verifyReceipt(context, data, 'getReceipt', requestId);
  if (verified.receipt.paymentId !== id) {
    throw new SignatureInvalidError('receipt', 'payment-mismatch', 'the receipt names another payment');
  }
  return verified;
}

export async function getReceiptPdf(
  context: GospochtaContext,
  paymentId: string,
  verified?: VerifiedReceipt,
): Promise<Uint8Array> {
  const id = checkId(paymentId, 'paymentId');
  const { data } = await protectedCall<Uint8Array>(context, {
    operation: 'getReceiptPdf',
    method: 'GET',
    template: '/v1/payments/{paymentId}/receipt/pdf',
    path: `/v1/payments/${id}/receipt/pdf`,
    response: 'bytes',
  });
  const receipt = verified ?? (await getReceipt(context, id));
  if ((await hashFile(data)).sha256 !== receipt.receipt.pdfSha256) {
    throw new SignatureInvalidError(
      'pdf',
      'pdf-hash-mismatch',
      "the PDF does not match the signed receipt's pdfSha256",
    );
  }
  return data;
}

/**
 * Delivery acts: the signed JSON (detached JWS over the canonical decrypted act, checked against the
 * portal's certificates before any field is used) and the PDF, whose SHA-256 must equal the signed
 * act's `pdfSha256`. With the sent letter at hand, the act's document hashes are checked against the
 * hashes the sender computed when sending.
 */
import type { GospochtaContext } from '../client/context.js';
import { checkId } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { SignatureInvalidError } from '../errors/signature-invalid-error.js';
import { hashFile } from '../signatures/file-hashes.js';
import { type SignatureInfo, verifySignedJson } from '../signatures/signed-json.js';
import {
  type DeliveryAct,
  deliveryActSchema,
  type OutgoingLetter,
  signedDeliveryActSchema,
} from './models.js';

export interface VerifiedDeliveryAct {
  act: DeliveryAct;
  /** The detached JWS as received (keep it with the act: it is the legal evidence). */
  signature: string;
  signedBy: SignatureInfo;
}

export async function getDeliveryAct(
  context: GospochtaContext,
  letterId: string,
  options: { letter?: OutgoingLetter } = {},
): Promise<VerifiedDeliveryAct> {
  const id = checkId(letterId, 'letterId');
  const { data, requestId } = await protectedCall(context, {
    operation: 'getDeliveryAct',
    method: 'GET',
    template: '/v1/outbox/{letterId}/delivery-act',
    path: `/v1/outbox/${id}/delivery-act`,
    schema: signedDeliveryActSchema,
  });
  const signedBy = await verifySignedJson(data.act, data.signature, context.portalTrust, 'delivery-act');
  const parsed = deliveryActSchema.safeParse(data.act);
  if (!parsed.success) {
    throw new InvalidResponseError('getDeliveryAct', 'the signed act does not match the contract', {
      requestId,
      cause: parsed.error,
    });
  }
  const act = parsed.data as DeliveryAct;
  if (act.letterId !== id) {
    throw new SignatureInvalidError('delivery-act', 'letter-mismatch', 'the act names another letter');
  }
  const letter = options.letter;
  if (letter) {
    for (const sent of letter.attachments) {
      const inAct = act.documents.find((d) => d.sha256 === sent.sha256 && d.streebog256 === sent.streebog256);
      if (!inAct) {
        throw new SignatureInvalidError(
          'delivery-act',
          'document-hash-mismatch',
          `the act does not carry the hashes of "${sent.name}" as sent`,
        );
      }
    }
  }
  return { act, signature: data.signature, signedBy };
}

/** The act's PDF; pass the verified act to check the bytes against its `pdfSha256`. */
export async function getDeliveryActPdf(
  context: GospochtaContext,
  letterId: string,
  verified?: VerifiedDeliveryAct,
): Promise<Uint8Array> {
  const id = checkId(letterId, 'letterId');
  const { data } = await protectedCall<Uint8Array>(context, {
    operation: 'getDeliveryActPdf',
    method: 'GET',
    template: '/v1/outbox/{letterId}/delivery-act/pdf',
    path: `/v1/outbox/${id}/delivery-act/pdf`,
    response: 'bytes',
  });
  const act = verified ?? (await getDeliveryAct(context, id));
  if ((await hashFile(data)).sha256 !== act.act.pdfSha256) {
    throw new SignatureInvalidError(
      'pdf',
      'pdf-hash-mismatch',
      "the PDF does not match the signed act's pdfSha256",
    );
  }
  return data;
}

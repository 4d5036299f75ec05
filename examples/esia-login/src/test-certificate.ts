/**
 * "Bring your own test certificate": a fresh GOST R 34.10-2012 key pair and a self-signed
 * certificate over it, the pair a vendor registers with the simulator for its system. Real ESIA
 * needs a certificate from an accredited CA instead; the signing code stays the same.
 */
import {
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  generateGostKeyPair,
  type Signer,
} from '@goskit/crypto';

export interface TestCertificate {
  certificatePem: string;
  signer: Signer;
}

/** `validFrom` matters against a simulator whose virtual clock is far from the wall clock. */
export function createTestCertificate(clientId: string, validFrom: Date): TestCertificate {
  const { privateKey } = generateGostKeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey,
    subject: `CN=${clientId},O=goskit example`,
    notBefore: new Date(validFrom.getTime() - 86_400_000),
    days: 365,
  });
  return {
    certificatePem: certificate.pem,
    signer: createSoftwareGostSigner({ privateKey, certificate: certificate.pem }),
  };
}

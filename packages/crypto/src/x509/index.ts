export { type Certificate, type CertificateExtension, parseCertificate } from './certificate.js';
export { createSelfSignedCertificate, type SelfSignedCertificateOptions } from './create.js';
export { loadCertificateDer } from './load.js';
export { encodeName, formatName } from './names.js';
export { certificateHash, isCertificateTimeValid, verifyCertificateSignature } from './verify.js';

/**
 * The portal's side of mutual TLS: the HTTPS listener's certificate and the CA that issues client
 * certificates, both from the per-seed CA (services/certificate-authority.ts); and the check of a
 * client certificate the CA verified — it must name a registered system (CN = client id) and not be
 * revoked. Expiry is the TLS stack's check, on the real clock.
 */
import type { PortalTls } from '../../engine/types.js';
import { certificateAuthority } from '../../services/certificate-authority.js';
import { CA_NAME } from './service.js';
import type { GospochtaState } from './state.js';

export const gospochtaTls: PortalTls<GospochtaState> = {
  async credentials({ runtime, hosts }) {
    const ca = await certificateAuthority(runtime.seed, CA_NAME);
    const server = await ca.serverCertificate(hosts);
    return {
      certificatePem: server.certificatePem,
      privateKeyPem: server.privateKeyPem,
      caPem: ca.certificatePem,
    };
  },
  checkClient(certificate, { state }) {
    if (!state.systems.has(certificate.commonName)) {
      return `the certificate names no registered system (${certificate.commonName.slice(0, 60)})`;
    }
    if (state.certificates.get(certificate.serialNumber)?.revoked === true) {
      return 'the certificate was revoked';
    }
    return undefined;
  },
};

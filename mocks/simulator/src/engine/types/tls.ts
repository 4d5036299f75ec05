/**
 * Mutual TLS as a server capability: a portal that declares `tls` is served on the standalone server's
 * HTTPS listener too, with the certificate and CA it brings, and every connection must present a client
 * certificate that CA issued (unknown, expired or missing → the connection is closed during or right
 * after the handshake, before any HTTP). The engine and the server know no portal: this shape is all.
 */
import type { PortalRuntime } from './runtime.js';

/** PEM text for the listener: its certificate (chain) and key, and the CA client certificates chain to. */
export interface TlsCredentials {
  certificatePem: string;
  privateKeyPem: string;
  /** One or more CA certificates; only client certificates they issued pass the handshake. */
  caPem: string;
}

/** What the listener tells a portal about a client certificate the CA already verified. */
export interface TlsPeerCertificate {
  /** 'CN=demo-school,O=…' */
  subject: string;
  commonName: string;
  /** Lowercase hex. */
  serialNumber: string;
  /** SHA-256 of the DER, uppercase hex with colons. */
  fingerprint256: string;
  /** ISO times. */
  validFrom: string;
  validTo: string;
}

export interface PortalTls<State = unknown> {
  /**
   * The listener's credentials for these host names and addresses (the bound one, localhost,
   * 127.0.0.1, ::1). Called when the listener starts and again after the seed changed.
   */
  credentials(context: { runtime: PortalRuntime; hosts: readonly string[] }): Promise<TlsCredentials>;
  /**
   * Further checks of a verified client certificate (a registered system, not revoked) before any
   * request on the connection: a reason string refuses it and the connection is closed.
   */
  checkClient?(
    certificate: TlsPeerCertificate,
    context: { state: State; sim: PortalRuntime },
  ): string | undefined;
}

/**
 * Why did the portal close the connection? A node:https server that requires a client certificate
 * checks it after the handshake and simply destroys the socket — no TLS alert — so fetch only sees
 * "other side closed". When a mutual-TLS request fails, this probe opens one bare TLS connection with
 * the same material and sends a request line: an alert, a close right after the handshake, or an
 * answer (then the failure was not about TLS). It runs only after a failure and gives up after 3 s.
 */
import { type ConnectionOptions, connect } from 'node:tls';

export type ProbeOutcome =
  | { kind: 'alert'; error: Error }
  | { kind: 'closed-after-handshake' }
  | { kind: 'answered' }
  | { kind: 'inconclusive' };

export function probeHandshake(
  url: URL,
  options: ConnectionOptions,
  timeoutMs = 3_000,
): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let secure = false;
    const finish = (outcome: ProbeOutcome) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        resolve(outcome);
      }
    };
    const port = Number(url.port || 443);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const named = options.servername === undefined && !/^[\d.:]+$/.test(host) ? { servername: host } : {};
    const socket = connect({ ...options, ...named, host, port });
    const timer = setTimeout(() => finish({ kind: 'inconclusive' }), timeoutMs);
    timer.unref?.();
    socket.once('secureConnect', () => {
      secure = true;
      socket.write(`HEAD ${url.pathname || '/'} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
    });
    socket.once('data', () => finish({ kind: 'answered' }));
    socket.once('error', (error) =>
      finish(
        secure && /ECONNRESET|EPIPE/.test(String((error as { code?: string }).code))
          ? { kind: 'closed-after-handshake' }
          : { kind: 'alert', error },
      ),
    );
    socket.once('close', () =>
      finish(secure ? { kind: 'closed-after-handshake' } : { kind: 'inconclusive' }),
    );
  });
}

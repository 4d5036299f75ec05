// SimulatorControl's "cannot reach the simulator" names the URL it tried and why (refused vs no
// answer), against real loopback sockets: a port nobody listens on, and a server that never answers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SimulatorControl, SimulatorControlError } from '../src/control/client.js';

let silent: Server;
let silentUrl: string;
let closedUrl: string;

beforeAll(async () => {
  // A port that was just free: nobody listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  // A server that accepts and never answers.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe('SimulatorControl network errors', () => {
  it('names the URL it tried and the refusal', async () => {
    const control = new SimulatorControl({ baseUrl: `${closedUrl}/` });
    const error = (await control.health().catch((e: unknown) => e)) as SimulatorControlError;
    expect(error).toBeInstanceOf(SimulatorControlError);
    expect(error).toMatchObject({ status: 0, serverCode: 'NETWORK', code: 'CONTROL_REQUEST_FAILED' });
    expect(error.message).toContain(`GET ${closedUrl}/__goskit/health`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('says when the simulator did not answer in time; timeoutMs still works, warning once', async () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    for (const control of [
      new SimulatorControl({ baseUrl: silentUrl, timeout: 150 }),
      new SimulatorControl({ baseUrl: silentUrl, timeoutMs: 150 }),
    ]) {
      const started = performance.now();
      const error = (await control.reset().catch((e: unknown) => e)) as SimulatorControlError;
      expect(error.message).toContain(`POST ${silentUrl}/__goskit/reset`);
      expect(error.message).toContain('no answer within 150 ms');
      expect(performance.now() - started).toBeLessThan(3000);
    }
    new SimulatorControl({ baseUrl: silentUrl, timeoutMs: 150 });
    expect(emitted.mock.calls.filter((call) => String(call[0]).includes("'timeoutMs'"))).toHaveLength(1);
    emitted.mockRestore();
  });
});

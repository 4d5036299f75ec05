/** Portal-specific control routes (/__goskit/<portal>/…) through the typed client and GET /portals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorControl, SimulatorControlError } from '../src/control/client.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { counterPortal, type Running, startServer } from './server-support.js';

let running: Running;
let control: SimulatorControl;
beforeAll(async () => {
  running = await startServer({ seed: 'portal-control', portals: [counterPortal, esiaPortal()] });
  control = new SimulatorControl({ baseUrl: running.base });
});
afterAll(async () => {
  await running.server.close();
});

describe('portal control routes', () => {
  it('GET /portals lists each portal’s control routes with full paths', async () => {
    const portals = await control.portals();
    const esia = portals.find((portal) => portal.name === 'esia');
    expect(esia?.controlRoutes).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/__goskit/esia/clients', operation: 'control.clients.list' },
        { method: 'POST', path: '/__goskit/esia/clients', operation: 'control.clients.register' },
      ]),
    );
    expect(portals.find((portal) => portal.name === 'counter')?.controlRoutes).toEqual([]);
  });

  it('portalControl() calls them and reports their errors as SimulatorControlError', async () => {
    const listed = await control.portalControl<{ clients: { clientId: string }[] }>('esia', 'GET', 'clients');
    expect(listed.clients.length).toBeGreaterThan(0);
    const refused = await control
      .portalControl('esia', 'POST', '/clients', { clientId: 'X', redirectUris: ['not a url'] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(SimulatorControlError);
    expect(refused).toMatchObject({ status: 400, serverCode: 'INVALID_DATA' });
    await expect(control.portalControl('counter', 'GET', '/clients')).rejects.toMatchObject({
      status: 404,
      serverCode: 'NOT_FOUND',
    });
  });
});

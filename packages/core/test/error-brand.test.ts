// Errors are recognised across copies of @goskit/core (the dual-package hazard: the CJS build and
// the ESM build loaded in one process hold two unrelated classes of each name). Here the second copy
// is a fresh evaluation of the whole module graph (vi.resetModules); scripts/check-tarballs.mjs does
// the same between the built ESM and CJS files.
import { describe, expect, it, vi } from 'vitest';

type Core = typeof import('@goskit/core');

async function twoCopies(): Promise<[Core, Core]> {
  const first = (await import('@goskit/core')) as Core;
  vi.resetModules();
  const second = (await import('@goskit/core')) as Core;
  return [first, second];
}

describe('error branding', () => {
  it('instanceof and the guards accept an error thrown by another copy of the package', async () => {
    const [a, b] = await twoCopies();
    expect(a.HttpError).not.toBe(b.HttpError);
    const foreign = new b.RateLimitError({
      status: 429,
      method: 'get',
      url: 'https://x.example/',
      retryAfterMs: 1,
      reason: 'status',
    });
    expect(foreign instanceof a.RateLimitError).toBe(true);
    expect(foreign instanceof a.HttpError).toBe(true);
    expect(foreign instanceof a.GoskitError).toBe(true);
    expect(a.isGoskitError(foreign)).toBe(true);
    expect(a.isHttpError(foreign)).toBe(true);
    expect(a.isRateLimitError(foreign)).toBe(true);
    // …and only as what it is.
    expect(foreign instanceof a.ServiceUnavailableError).toBe(false);
    expect(a.isNetworkError(foreign)).toBe(false);
    expect(a.isTimeoutError(foreign)).toBe(false);
    const network = new b.NetworkError({ method: 'get', url: 'https://x.example/' });
    expect(a.isNetworkError(network)).toBe(true);
    expect(a.isHttpError(network)).toBe(false);
  });

  it('a subclass of its own (a portal package) is recognised by the base guards of either copy', async () => {
    const [a, b] = await twoCopies();
    class PortalError extends b.GoskitError<'PORTAL'> {}
    const error = new PortalError('PORTAL', 'refused');
    expect(error.name).toBe('PortalError');
    expect(a.isGoskitError(error)).toBe(true);
    expect(error instanceof a.HttpError).toBe(false);
    expect(error instanceof PortalError).toBe(true);
  });

  it('plain values and look-alikes are not goskit errors', async () => {
    const [a] = await twoCopies();
    for (const value of [
      null,
      undefined,
      'HttpError',
      42,
      {},
      new Error('x'),
      { code: 'HTTP_ERROR', name: 'HttpError' },
    ]) {
      expect(a.isGoskitError(value)).toBe(false);
      expect(a.isHttpError(value)).toBe(false);
    }
    // The brand is not an own, enumerable property: errors serialise and compare as before.
    const error = new a.TimeoutError({
      kind: 'total',
      timeoutMs: 1,
      method: 'get',
      url: 'https://x.example/',
    });
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(Object.keys(JSON.parse(JSON.stringify(error)))).toEqual(['name', 'code', 'message']);
  });
});

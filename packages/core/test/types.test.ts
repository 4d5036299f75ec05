import { createTransport, type RawResult } from '@goskit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';

// Compile-time checks (tsc runs over test/): the schema decides the result type.
describe('transport types', () => {
  const transport = createTransport({ baseUrl: 'http://127.0.0.1:1' });
  const Person = z.object({ id: z.number(), snils: z.string().optional() });

  it('infers data from the schema, or takes an explicit type, or unknown', () => {
    expectTypeOf(transport.get('/p', { schema: Person })).resolves.toEqualTypeOf<{
      id: number;
      snils?: string | undefined;
    }>();
    expectTypeOf(transport.get<{ ok: boolean }>('/p')).resolves.toEqualTypeOf<{ ok: boolean }>();
    expectTypeOf(transport.request({ path: '/p' })).resolves.toBeUnknown();
    expectTypeOf(transport.raw({ path: '/p', schema: Person })).resolves.toEqualTypeOf<
      RawResult<{ id: number; snils?: string | undefined }>
    >();
  });

  it('rejects unknown methods and options', () => {
    // @ts-expect-error — not an HTTP method goskit sends
    void transport.request({ path: '/p', method: 'BREW' }).catch(() => {});
    // @ts-expect-error — misspelt option
    void transport.get('/p', { skipValidaton: true }).catch(() => {});
  });
});

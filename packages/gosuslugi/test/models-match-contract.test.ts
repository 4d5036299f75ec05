/**
 * The hand-written zod models against the types generated from openapi/{esia,epgu}.yaml, checked by
 * the compiler (`pnpm typecheck`): every field a model names must exist in the contract, and a model
 * field's type must fit the contract's. A model may be more lenient about presence and about enum
 * values (ESIA adds contact and document types over time: the models take any string), never about
 * the kind of value.
 * A renamed or retyped field in the YAML breaks the build here, not in production.
 */

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { codeMessageSchema, type statusPageSchema } from '../src/epgu/models.js';
import type {
  addressSchema,
  contactSchema,
  documentSchema,
  kidSchema,
  personBaseSchema,
  roleSchema,
  vehicleSchema,
} from '../src/esia/person/models.js';
import type { tokenResponseSchema } from '../src/esia/tokens.js';
import type { components as Epgu } from '../src/generated/epgu.js';
import type { components as Esia } from '../src/generated/esia.js';

/** The named fields of a zod loose object (its `[key: string]: unknown` dropped). */
type Named<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** Model fields the contract lacks: must be `never`. */
type Unknown<Model, Contract> = Exclude<keyof Named<Model>, keyof Contract>;

/** A literal or enum widened to its kind: 'EML' | 'MBT' → string. */
type Kind<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;

/** Fields whose model type does not fit the contract's (presence aside; objects compared by their own check). */
type Misfits<Model, Contract> = {
  [K in keyof Named<Model> & keyof Contract]: [Kind<NonNullable<Named<Model>[K]>>] extends [
    Kind<NonNullable<Contract[K]>>,
  ]
    ? never
    : NonNullable<Contract[K]> extends object
      ? never
      : K;
}[keyof Named<Model> & keyof Contract];

type Check<Schema extends z.ZodType, Contract> = {
  unknown: Unknown<z.output<Schema>, Contract>;
  misfits: Misfits<z.output<Schema>, Contract>;
};
type Clean = { unknown: never; misfits: never };

describe('zod models match the generated contract types', () => {
  it('ESIA /rs models', () => {
    expectTypeOf<Check<typeof personBaseSchema, Esia['schemas']['Person']>>().toEqualTypeOf<Clean>();
    expectTypeOf<Check<typeof contactSchema, Esia['schemas']['Contact']>>().toEqualTypeOf<Clean>();
    expectTypeOf<Check<typeof addressSchema, Esia['schemas']['Address']>>().toEqualTypeOf<Clean>();
    expectTypeOf<Check<typeof documentSchema, Esia['schemas']['Document']>>().toEqualTypeOf<Clean>();
    expectTypeOf<Check<typeof kidSchema, Esia['schemas']['Kid']>>().toEqualTypeOf<Clean>();
    expectTypeOf<Check<typeof vehicleSchema, Esia['schemas']['Vehicle']>>().toEqualTypeOf<Clean>();
    expectTypeOf<Check<typeof roleSchema, Esia['schemas']['Role']>>().toEqualTypeOf<Clean>();
  });

  it('ESIA token response', () => {
    expectTypeOf<
      Check<typeof tokenResponseSchema, Esia['schemas']['TokenResponse']>
    >().toEqualTypeOf<Clean>();
  });

  it('EPGU answers', () => {
    expectTypeOf<Check<typeof codeMessageSchema, Epgu['schemas']['Error']>>().toEqualTypeOf<Clean>();
    expectTypeOf<Check<typeof statusPageSchema, Epgu['schemas']['StatusPage']>>().toEqualTypeOf<Clean>();
  });

  it('a drifted model is caught (the check itself can fail)', () => {
    type Drifted = { firstName: number; nickname: string; gender: string; trusted: 'yes' };
    expectTypeOf<Unknown<Drifted, Esia['schemas']['Person']>>().toEqualTypeOf<'nickname'>();
    expectTypeOf<Misfits<Drifted, Esia['schemas']['Person']>>().toEqualTypeOf<'firstName' | 'trusted'>();
    // And at run time the models still parse what the contract describes.
    expect(codeMessageSchema.parse({ code: 'not_found', message: null }).code).toBe('not_found');
  });
});

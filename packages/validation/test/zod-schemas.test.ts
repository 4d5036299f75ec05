import {
  getIssueCode,
  inn10Schema,
  inn12Schema,
  innSchema,
  kppSchema,
  type Mark,
  markSchema,
  ogrnipSchema,
  ogrnSchema,
  passportSchema,
  phoneSchema,
  type SchoolRecord,
  snilsSchema,
  toValidationIssues,
  VALIDATION_MESSAGES,
} from '@goskit/validation';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';

describe('identifier schemas', () => {
  it('normalise on parse', () => {
    expect(snilsSchema.parse('11223344595')).toBe('112-233-445 95');
    expect(innSchema.parse(' 7707083893 ')).toBe('7707083893');
    expect(inn12Schema.parse('500100732259')).toBe('500100732259');
    expect(ogrnSchema.parse('1027700132195')).toBe('1027700132195');
    expect(ogrnipSchema.parse('304500116000157')).toBe('304500116000157');
    expect(kppSchema.parse('7736ab001')).toBe('7736AB001');
    expect(phoneSchema.parse('8 (912) 345-67-89')).toBe('+79123456789');
    expect(passportSchema.parse('45 08 №123456')).toEqual({ series: '4508', number: '123456' });
    expect(passportSchema.parse({ series: '45 08', number: '123456' })).toEqual({
      series: '4508',
      number: '123456',
    });
  });

  it('carry the stable code and ru/en text in the zod issue', () => {
    const result = inn10Schema.safeParse('500100732259');
    expect(result.success).toBe(false);
    const [issue] = result.error?.issues ?? [];
    expect(issue?.code).toBe('custom');
    expect(issue && getIssueCode(issue)).toBe('INN_LENGTH');
    expect(issue?.message).toBe(VALIDATION_MESSAGES.INN_LENGTH.en);
    expect((issue as z.core.$ZodIssueCustom).params).toEqual({
      code: 'INN_LENGTH',
      ...VALIDATION_MESSAGES.INN_LENGTH,
    });
  });

  it('report passport field paths inside objects', () => {
    const schema = z.object({ person: z.object({ passport: passportSchema }) });
    const result = schema.safeParse({ person: { passport: { series: '45', number: '123456' } } });
    expect(result.success).toBe(false);
    expect(toValidationIssues(result.error as z.ZodError)).toEqual([
      {
        code: 'PASSPORT_SERIES',
        message: VALIDATION_MESSAGES.PASSPORT_SERIES,
        path: ['person', 'passport', 'series'],
      },
    ]);
  });

  it('map zod type issues to VALUE_REQUIRED / VALUE_TYPE', () => {
    const schema = z.object({ snils: snilsSchema, inn: innSchema });
    const result = schema.safeParse({ inn: 7707083893 });
    expect(toValidationIssues(result.error as z.ZodError).map((i) => [i.code, i.path])).toEqual([
      ['VALUE_REQUIRED', ['snils']],
      ['VALUE_TYPE', ['inn']],
    ]);
  });

  it('never echo a rejected СНИЛС or passport in messages or issues', () => {
    const snils = '112-233-445 96';
    const schema = z.object({ snils: snilsSchema, passport: passportSchema });
    const result = schema.safeParse({ snils, passport: '4508 12345' });
    const text =
      JSON.stringify(result.error?.issues) + JSON.stringify(toValidationIssues(result.error as z.ZodError));
    expect(text).toContain('SNILS_CHECKSUM');
    expect(text).not.toContain('112');
    expect(text).not.toContain('4508');
    expect(text).not.toContain('12345');
  });
});

describe('schema types', () => {
  it('infer normalised output types', () => {
    expectTypeOf<z.output<typeof passportSchema>>().toEqualTypeOf<{ series: string; number: string }>();
    expectTypeOf<z.output<typeof markSchema>>().toEqualTypeOf<Mark>();
    expectTypeOf<z.input<typeof markSchema>>().toEqualTypeOf<string | number>();
    expectTypeOf<SchoolRecord['middleName']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SchoolRecord['marks'][number]['lesson']>().toEqualTypeOf<number>();
    const parsed = markSchema.parse('зч');
    expect(parsed).toBe('зч');
  });
});

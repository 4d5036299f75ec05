/**
 * JSON data files checked against the published JSON Schema (draft 2020-12) with Ajv: the header
 * against the whole document schema (with an empty records array), each record against its kind's
 * definition as it streams by. Ajv's errors become deviations naming the path and the rule —
 * the alternatives of a `oneOf` fold into one deviation, and no value is ever quoted.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { EDIARY_DATA_JSON_SCHEMA } from '../../generated/ediary-schemas.js';
import type { FileKind } from '../models.js';
import type { Deviation } from './deviations.js';
import { KINDS } from './kinds.js';
import { EDIARY_RULES, type EdiaryRuleCode } from './rules.js';

const SCHEMA_ID = 'urn:goskit:ediary:1:data';

interface Compiled {
  document: ValidateFunction;
  records: Map<FileKind, ValidateFunction>;
}

let compiled: Compiled | undefined;

/** Compiled once per process: Ajv generates the checking code from the schema. */
function schemas(): Compiled {
  if (compiled === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addSchema(EDIARY_DATA_JSON_SCHEMA);
    const get = (ref: string) => {
      const validate = ajv.getSchema(ref);
      if (validate === undefined) {
        throw new Error(`the e-diary JSON Schema has no ${ref}`);
      }
      return validate;
    };
    compiled = {
      document: get(SCHEMA_ID),
      records: new Map(
        (Object.keys(KINDS) as FileKind[]).map((kind) => [
          kind,
          get(`${SCHEMA_ID}#/$defs/${KINDS[kind].jsonDefinition}`),
        ]),
      ),
    };
  }
  return compiled;
}

const KEYWORD_CODES: Record<string, EdiaryRuleCode> = {
  required: 'JSON_REQUIRED',
  additionalProperties: 'JSON_UNKNOWN_FIELD',
  type: 'JSON_TYPE',
  enum: 'JSON_ENUM',
  const: 'JSON_ENUM',
  pattern: 'JSON_PATTERN',
  minLength: 'JSON_LENGTH',
  maxLength: 'JSON_LENGTH',
  minimum: 'JSON_RANGE',
  maximum: 'JSON_RANGE',
  exclusiveMinimum: 'JSON_RANGE',
  exclusiveMaximum: 'JSON_RANGE',
  oneOf: 'JSON_ONE_OF',
  anyOf: 'JSON_ONE_OF',
};

/** Ajv errors → deviations at `base` (e.g. '/records/12'). */
function toDeviations(
  errors: readonly ErrorObject[],
  base: string,
  line: number,
  recordId: string | undefined,
): Deviation[] {
  // Inside a failed oneOf, only the oneOf itself is worth reporting.
  const alternatives = errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  const out: Deviation[] = [];
  for (const error of errors) {
    if (
      error.keyword === 'if' ||
      alternatives.some((group) => group !== error && error.schemaPath.startsWith(`${group.schemaPath}/`))
    ) {
      continue;
    }
    const field =
      error.keyword === 'required'
        ? `${error.instancePath}/${String((error.params as { missingProperty?: unknown }).missingProperty)}`
        : error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${String((error.params as { additionalProperty?: unknown }).additionalProperty)}`
          : error.instancePath;
    const code = KEYWORD_CODES[error.keyword] ?? 'JSON_SCHEMA';
    const deviation: Deviation = {
      line,
      path: `${base}${field}`,
      code,
      rule: EDIARY_RULES[code],
      severity: 'error',
      detail: `schema ${error.schemaPath}`,
    };
    if (recordId !== undefined) {
      deviation.recordId = recordId;
    }
    out.push(deviation);
  }
  return out;
}

/** Deviations of one record ([] when it matches its kind's definition). */
export function checkJsonRecord(kind: FileKind, record: unknown, path: string, line: number): Deviation[] {
  const validate = schemas().records.get(kind) as ValidateFunction;
  if (validate(record)) {
    return [];
  }
  const id = (record as { id?: unknown } | null)?.id;
  return toDeviations(
    validate.errors ?? [],
    path,
    line,
    typeof id === 'string' && id.length <= 64 ? id : undefined,
  );
}

/** Deviations of the header members (the document without its records). */
export function checkJsonHeader(members: Record<string, unknown>, line: number): Deviation[] {
  const { document } = schemas();
  if (document({ ...members, records: [] })) {
    return [];
  }
  return toDeviations(document.errors ?? [], '', line, undefined);
}

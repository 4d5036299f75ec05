/**
 * Requests checked against the contract itself (openapi/gospochta.yaml): path and query parameters
 * by their schemas (integers read from the text), the JSON body by its schema in its wire form —
 * personal data still as `{"$enc": …}`. A broken rule is a problem naming the field as a JSON pointer:
 * 400 INVALID_REQUEST for parameters, 422 VALIDATION_FAILED for the body.
 */
import type { OperationId } from '@goskit/gospochta/protocol';
import {
  type JsonSchema,
  type SchemaContext,
  validateSchema,
} from '../../../engine/contracts/json-schema.js';
import { gospochtaOpenApi } from '../openapi.gen.js';
import { GospochtaProblem, issue, type ProblemIssue, validationFailed } from '../problem.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface OperationContract {
  operationId: OperationId;
  method: string;
  /** OpenAPI template, '/v1/outbox/{letterId}'. */
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

const document = gospochtaOpenApi as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { parameters: Record<string, Parameter> };
};
const context: SchemaContext = { root: gospochtaOpenApi, patterns: new Map() };

function resolveParameter(node: Parameter | { $ref: string }): Parameter {
  if ('$ref' in node) {
    const name = node.$ref.split('/').at(-1) as string;
    return document.components.parameters[name] as Parameter;
  }
  return node;
}

/** Every operation of the contract by id (the OAuth endpoints included). */
export const OPERATION_CONTRACTS: ReadonlyMap<string, OperationContract> = (() => {
  const out = new Map<string, OperationContract>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
      const operation = item[method];
      if (operation === undefined) {
        continue;
      }
      const body = (
        operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined
      )?.content?.['application/json']?.schema;
      out.set(operation.operationId as string, {
        operationId: operation.operationId as OperationId,
        method: method.toUpperCase(),
        path,
        parameters: ((operation.parameters ?? []) as (Parameter | { $ref: string })[]).map(resolveParameter),
        body,
      });
    }
  }
  return out;
})();

/** '$.recipient.snils' or '$.attachments[0].name' → '/recipient/snils', '/attachments/0/name'. */
function pointerOf(message: string): { field: string; detail: string } {
  const match = /^\$((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])*): (.*)$/.exec(message);
  if (!match) {
    return { field: '/', detail: message };
  }
  const path = (match[1] ?? '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\["([^"]*)"\]/g, '.$1')
    .split('.')
    .filter((part) => part.length > 0);
  return { field: `/${path.join('/')}`, detail: match[2] ?? message };
}

function schemaIssues(errors: string[], prefix = ''): ProblemIssue[] {
  return errors.map((error) => {
    const { field, detail } = pointerOf(error);
    const at = prefix + (field === '/' ? '' : field) || '/';
    return issue(
      at,
      'CONTRACT',
      `Поле ${at} не соответствует контракту Госпочты: ${detail}`,
      `${at} breaks the Gospochta contract: ${detail}`,
    );
  });
}

/** Checks the path and query parameters; throws 400 INVALID_REQUEST naming the first bad one. */
export function checkParameters(
  contract: OperationContract,
  params: Record<string, string>,
  query: URLSearchParams,
): void {
  for (const parameter of contract.parameters) {
    if (parameter.in !== 'path' && parameter.in !== 'query') {
      continue;
    }
    const raw = parameter.in === 'path' ? params[parameter.name] : (query.get(parameter.name) ?? undefined);
    if (raw === undefined || raw === '') {
      if (parameter.required) {
        throw new GospochtaProblem(400, 'INVALID_REQUEST', {
          field: parameter.name,
          detail: `${parameter.in} parameter ${parameter.name} is required`,
        });
      }
      continue;
    }
    const schema = parameter.schema ?? true;
    const type = typeof schema === 'object' ? (schema as { type?: unknown }).type : undefined;
    let value: unknown = raw;
    if (type === 'integer' || type === 'number') {
      value = /^-?\d{1,16}$/.test(raw) ? Number(raw) : raw;
    }
    const errors = validateSchema(schema, value, context, `$.${parameter.name}`);
    if (errors.length > 0) {
      throw new GospochtaProblem(400, 'INVALID_REQUEST', {
        field: parameter.name,
        detail: `${parameter.in} parameter ${parameter.name}: ${errors[0]?.replace(/^[^:]*: /, '')}`.slice(
          0,
          900,
        ),
      });
    }
  }
}

/** Checks the body in its wire form; throws 422 VALIDATION_FAILED with an issue per broken rule. */
export function checkBody(contract: OperationContract, wire: unknown, prefix = ''): void {
  if (contract.body === undefined) {
    return;
  }
  const errors = validateSchema(contract.body, wire, context);
  if (errors.length > 0) {
    throw validationFailed(schemaIssues(errors, prefix));
  }
}

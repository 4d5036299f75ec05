/**
 * Turns a parsed OpenAPI 3.x document into a ContractSet: operationId → responses by status →
 * content types → schema. Portals author YAML in openapi/<portal>.yaml; a generated module holds
 * the parsed object so the engine needs no YAML parser at runtime (and runs in a browser).
 */
import { SimulatorError } from '../errors.js';
import type { ContractCheckInput, ContractSet } from '../types.js';
import {
  assertSupportedKeywords,
  type JsonSchema,
  type SchemaContext,
  validateSchema,
} from './json-schema.js';

export interface OpenApiOperationInfo {
  operationId: string;
  method: string;
  /** OpenAPI template, e.g. '/classes/{id}/students'. */
  path: string;
  /** status ('200', '4XX', 'default') → content type → schema (undefined = any body). */
  responses: Record<string, Record<string, JsonSchema | undefined>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Doc = { paths?: Record<string, Record<string, unknown>> } & Record<string, unknown>;

export function readOpenApiOperations(document: unknown): Map<string, OpenApiOperationInfo> {
  const doc = document as Doc;
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || !doc.paths) {
    throw new SimulatorError('INVALID_CONTRACT', 'not an OpenAPI 3.x document (missing openapi or paths)');
  }
  const operations = new Map<string, OpenApiOperationInfo>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) {
        continue;
      }
      const operationId = operation.operationId;
      if (typeof operationId !== 'string') {
        throw new SimulatorError('INVALID_CONTRACT', `${method.toUpperCase()} ${path} has no operationId`);
      }
      const responses: OpenApiOperationInfo['responses'] = {};
      for (const [status, raw] of Object.entries((operation.responses ?? {}) as Record<string, unknown>)) {
        const response = resolve(raw, doc) as { content?: Record<string, { schema?: JsonSchema }> };
        responses[status] = Object.fromEntries(
          Object.entries(response.content ?? {}).map(([type, media]) => [type.toLowerCase(), media.schema]),
        );
      }
      operations.set(operationId, { operationId, method: method.toUpperCase(), path, responses });
    }
  }
  return operations;
}

function resolve(node: unknown, doc: Doc): unknown {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string') {
    return node;
  }
  let current: unknown = doc;
  for (const key of ref.replace(/^#\//, '').split('/')) {
    current = (current as Record<string, unknown> | undefined)?.[key];
  }
  return current ?? {};
}

function responseFor(info: OpenApiOperationInfo, status: number) {
  return (
    info.responses[String(status)] ??
    info.responses[`${Math.floor(status / 100)}XX`] ??
    info.responses.default
  );
}

function mediaFor(content: Record<string, JsonSchema | undefined>, contentType: string) {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (bare in content) {
    return { found: true, schema: content[bare] };
  }
  const wildcard = Object.keys(content).find(
    (type) => type.endsWith('/*') && bare.startsWith(type.slice(0, -1)),
  );
  if (wildcard !== undefined) {
    return { found: true, schema: content[wildcard] };
  }
  return { found: false, schema: undefined };
}

/** Walks every schema a response can reach, so an unsupported keyword fails when the portal is built. */
function vetSchemas(schema: JsonSchema | undefined, doc: Doc, at: string, seen: Set<unknown>): void {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) {
    return;
  }
  seen.add(schema);
  assertSupportedKeywords(schema, at);
  const node = schema as Record<string, unknown>;
  if (typeof node.$ref === 'string') {
    vetSchemas(resolve(node, doc) as JsonSchema, doc, node.$ref, seen);
  }
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) {
    vetSchemas(child, doc, `${at}.properties.${name}`, seen);
  }
  for (const keyword of ['items', 'additionalProperties'] as const) {
    vetSchemas(node[keyword] as JsonSchema | undefined, doc, `${at}.${keyword}`, seen);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const options = Array.isArray(node[keyword]) ? (node[keyword] as JsonSchema[]) : [];
    for (const [index, option] of options.entries()) {
      vetSchemas(option, doc, `${at}.${keyword}[${index}]`, seen);
    }
  }
}

export function contractsFromOpenApi(document: unknown): ContractSet {
  const operations = readOpenApiOperations(document);
  const seen = new Set<unknown>();
  for (const info of operations.values()) {
    for (const [status, content] of Object.entries(info.responses)) {
      for (const [type, schema] of Object.entries(content)) {
        vetSchemas(schema, document as Doc, `${info.operationId} ${status} ${type}`, seen);
      }
    }
  }
  const context: SchemaContext = { root: document, patterns: new Map() };
  return {
    operations: () => [...operations.keys()],
    check(input: ContractCheckInput): string[] {
      const info = operations.get(input.operation);
      if (!info) {
        return [];
      }
      const content = responseFor(info, input.status);
      if (!content) {
        return [
          `status ${input.status} is not declared for ${input.operation} (declared: ${Object.keys(info.responses).join(', ')})`,
        ];
      }
      const declared = Object.keys(content);
      if (declared.length === 0) {
        return [];
      }
      const media = mediaFor(content, input.contentType);
      if (!media.found) {
        return [
          `content type '${input.contentType || '(none)'}' is not declared for ${input.operation} ${input.status} (declared: ${declared.join(', ')})`,
        ];
      }
      if (media.schema === undefined || input.streamed === true) {
        // A streamed body is not read for the check: status and content type are all that is judged.
        return [];
      }
      if (/json/.test(input.contentType) && typeof input.body === 'string') {
        return [`body of ${input.operation} ${input.status} is not valid JSON`];
      }
      try {
        return validateSchema(media.schema, input.body, context);
      } catch (error) {
        return [`contract of ${input.operation} cannot be checked: ${(error as Error).message}`];
      }
    },
  };
}

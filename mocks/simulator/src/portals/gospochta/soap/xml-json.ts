/**
 * The XML form and the JSON form of the contract are one mapping, driven by the OpenAPI schemas the
 * XSD is generated from (decision 058): element names are property names in schema order, an array is
 * a repeated element, integers, numbers and booleans are typed, an Encrypted value is its
 * `v1.<iv>.<ct>` text ↔ `{"$enc": …}`, a null is `xsi:nil="true"`, a oneOf of objects is a choice.
 * Reading refuses what the schema does not name; writing follows the schema's order (xs:sequence).
 */
import type { JsonSchema } from '../../../engine/contracts/json-schema.js';
import { gospochtaOpenApi } from '../openapi.gen.js';
import { escapeXml, type XmlElement } from './xml.js';

export const GOSPOCHTA_NS = 'urn:goskit:gospochta:v1';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

type Schema = Record<string, unknown>;

export class XmlMappingError extends Error {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'XmlMappingError';

  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer || '/'}: ${message}`);
    this.name = 'XmlMappingError';
  }
}

const schemas = (gospochtaOpenApi as { components: { schemas: Record<string, Schema> } }).components.schemas;

/** Follows $ref and merges allOf into one object schema. */
export function resolveSchema(schema: JsonSchema | undefined): Schema {
  if (schema === undefined || typeof schema === 'boolean') {
    return {};
  }
  const node = schema as Schema;
  if (typeof node.$ref === 'string') {
    return resolveSchema(schemas[node.$ref.split('/').at(-1) as string]);
  }
  if (Array.isArray(node.allOf)) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const part of node.allOf as JsonSchema[]) {
      const resolved = resolveSchema(part);
      Object.assign(properties, resolved.properties as Record<string, JsonSchema> | undefined);
      required.push(...((resolved.required as string[] | undefined) ?? []));
    }
    return { type: 'object', properties, required };
  }
  return node;
}

function isEncrypted(schema: Schema): boolean {
  return schema['x-goskit-pii'] === true;
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) {
    return (type as string[]).find((item) => item !== 'null');
  }
  if (typeof type === 'string') {
    return type;
  }
  if (schema.properties !== undefined || schema.oneOf !== undefined) {
    return 'object';
  }
  return undefined;
}

function nullable(schema: Schema): boolean {
  return Array.isArray(schema.type) && (schema.type as string[]).includes('null');
}

function isNil(element: XmlElement): boolean {
  const nil = element.qualifiedAttributes.get(`{${XSI_NS}}nil`);
  return nil === 'true' || nil === '1';
}

function scalar(element: XmlElement, schema: Schema, pointer: string): unknown {
  const text = element.text;
  if (element.children.length > 0) {
    throw new XmlMappingError(pointer, 'a value was expected, not elements');
  }
  switch (typeOf(schema)) {
    case 'integer':
      if (!/^-?\d{1,16}$/.test(text.trim())) {
        throw new XmlMappingError(pointer, 'an integer was expected');
      }
      return Number(text.trim());
    case 'number': {
      const value = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(value)) {
        throw new XmlMappingError(pointer, 'a number was expected');
      }
      return value;
    }
    case 'boolean':
      if (!['true', 'false', '1', '0'].includes(text.trim())) {
        throw new XmlMappingError(pointer, 'true or false was expected');
      }
      return text.trim() === 'true' || text.trim() === '1';
    default:
      return text;
  }
}

/** The JSON form of `element` read by `schema`. */
export function xmlToJson(element: XmlElement, schemaInput: JsonSchema | undefined, pointer = ''): unknown {
  const schema = resolveSchema(schemaInput);
  if (isNil(element)) {
    if (!nullable(schema) && !Array.isArray(schema.oneOf)) {
      throw new XmlMappingError(pointer, 'xsi:nil is not allowed here');
    }
    return null;
  }
  if (isEncrypted(schema)) {
    return { $enc: scalar(element, { type: 'string' }, pointer) };
  }
  if (Array.isArray(schema.oneOf)) {
    const options = (schema.oneOf as JsonSchema[]).map(resolveSchema);
    const objectOptions = options.filter((option) => typeOf(option) === 'object');
    if (objectOptions.length === 0) {
      const target = options.find((option) => typeOf(option) !== 'null') ?? {};
      return xmlToJson(element, target, pointer);
    }
    const names = new Set(element.children.map((child) => child.name));
    const chosen = objectOptions.find((option) =>
      Object.keys((option.properties as Record<string, unknown>) ?? {}).some((name) => names.has(name)),
    );
    if (chosen === undefined) {
      throw new XmlMappingError(pointer, 'none of the choices');
    }
    return xmlToJson(element, chosen, pointer);
  }
  if (typeOf(schema) !== 'object') {
    return scalar(element, schema, pointer);
  }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  const grouped = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    if (child.ns !== GOSPOCHTA_NS) {
      throw new XmlMappingError(
        `${pointer}/${child.name}`,
        `element in namespace "${child.ns.slice(0, 60)}"`,
      );
    }
    if (!Object.hasOwn(properties, child.name)) {
      if (schema.additionalProperties === true) {
        continue;
      }
      throw new XmlMappingError(`${pointer}/${child.name}`, 'the schema has no such element');
    }
    const list = grouped.get(child.name) ?? [];
    list.push(child);
    grouped.set(child.name, list);
  }
  if (element.text.trim() !== '') {
    throw new XmlMappingError(pointer, 'text where elements were expected');
  }
  for (const [name, children] of grouped) {
    const property = resolveSchema(properties[name]);
    if (typeOf(property) === 'array') {
      out[name] = children.map((child, index) =>
        xmlToJson(child, property.items as JsonSchema, `${pointer}/${name}/${index}`),
      );
    } else {
      if (children.length > 1) {
        throw new XmlMappingError(`${pointer}/${name}`, 'repeated, but not a list');
      }
      out[name] = xmlToJson(children[0] as XmlElement, properties[name], `${pointer}/${name}`);
    }
  }
  return out;
}

/** Writes `value` as the element `name` (prefix `g:`) by `schema`; '' for an absent value. */
export function jsonToXml(value: unknown, schemaInput: JsonSchema | undefined, name: string): string {
  const schema = resolveSchema(schemaInput);
  if (value === undefined) {
    return '';
  }
  if (value === null) {
    return `<g:${name} xsi:nil="true"/>`;
  }
  if (isEncrypted(schema) && typeof value === 'object') {
    return `<g:${name}>${escapeXml(String((value as { $enc?: unknown }).$enc ?? ''))}</g:${name}>`;
  }
  if (Array.isArray(schema.oneOf)) {
    const options = (schema.oneOf as JsonSchema[]).map(resolveSchema);
    if (typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value as object);
      const chosen = options.find(
        (option) =>
          typeOf(option) === 'object' &&
          keys.every((key) => Object.hasOwn((option.properties as object | undefined) ?? {}, key)),
      );
      return jsonToXml(value, chosen ?? options[0], name);
    }
    return jsonToXml(
      value,
      options.find((option) => typeOf(option) !== 'null' && typeOf(option) !== 'object'),
      name,
    );
  }
  if (Array.isArray(value)) {
    return value.map((item) => jsonToXml(item, schema.items as JsonSchema, name)).join('');
  }
  if (typeof value === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const record = value as Record<string, unknown>;
    const inner = Object.keys(properties)
      .map((property) => jsonToXml(record[property], properties[property], property))
      .join('');
    return `<g:${name}>${inner}</g:${name}>`;
  }
  return `<g:${name}>${escapeXml(String(value))}</g:${name}>`;
}

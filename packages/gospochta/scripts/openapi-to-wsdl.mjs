#!/usr/bin/env node
// The XML form of the contract for SOAP users, generated from openapi/gospochta.yaml so that both
// always describe the same operations and types: openapi/gospochta.xsd (types and one request and one
// response element per operation) and openapi/gospochta.wsdl (SOAP 1.1, document/literal, one
// operation per OpenAPI operation, same names), and src/generated/gospochta-xml.ts (both as text).
// `--check` fails when the files are out of date.
//   node scripts/openapi-to-wsdl.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NS = 'urn:goskit:gospochta:v1';
const spec = parse(readFileSync(join(root, 'openapi/gospochta.yaml'), 'utf8'));
const schemas = spec.components.schemas;
/** The OAuth endpoints stay plain OAuth over HTTP; everything under /v1 has an XML form. */
const SKIPPED = new Set(['issueToken', 'getJwks']);

const esc = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const refName = (ref) => ref.split('/').at(-1);
const resolveParam = (p) => (p.$ref ? spec.components.parameters[refName(p.$ref)] : p);
/** JSON Schema regex → XSD regex: XSD anchors implicitly and has no ^, $ or \d shorthand issues. */
const xsdPattern = (pattern) =>
  pattern
    .split('|')
    .map((alt) => alt.replace(/^\^/, '').replace(/\$$/, ''))
    .join('|')
    // XML cannot carry control characters but tab, LF and CR, so only those need excluding.
    .replace('\\u0000-\\u001f', '\\t\\n\\r');

function isSimple(schema) {
  if (schema.$ref) {
    return isSimple(schemas[refName(schema.$ref)]);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return type !== 'object' && type !== 'array' && !schema.allOf && !schema.oneOf && !schema.properties;
}

function simpleBase(schema) {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer') {
    return 'xs:long';
  }
  if (type === 'number') {
    return 'xs:decimal';
  }
  if (type === 'boolean') {
    return 'xs:boolean';
  }
  if (schema.contentEncoding === 'base64') {
    return 'xs:base64Binary';
  }
  if (schema.format === 'date-time') {
    return 'xs:dateTime';
  }
  if (schema.format === 'date') {
    return 'xs:date';
  }
  return 'xs:string';
}

function restriction(schema, indent) {
  const base = simpleBase(schema);
  const facets = [];
  for (const value of schema.enum ?? []) {
    facets.push(`<xs:enumeration value="${esc(value)}"/>`);
  }
  if (schema.const !== undefined) {
    facets.push(`<xs:enumeration value="${esc(schema.const)}"/>`);
  }
  if (schema.pattern && base === 'xs:string') {
    facets.push(`<xs:pattern value="${esc(xsdPattern(schema.pattern))}"/>`);
  }
  if (schema.minLength !== undefined && base === 'xs:string') {
    facets.push(`<xs:minLength value="${schema.minLength}"/>`);
  }
  if (schema.maxLength !== undefined && (base === 'xs:string' || base === 'xs:base64Binary')) {
    facets.push(`<xs:maxLength value="${schema.maxLength}"/>`);
  }
  if (schema.minimum !== undefined) {
    facets.push(`<xs:minInclusive value="${schema.minimum}"/>`);
  }
  if (schema.maximum !== undefined) {
    facets.push(`<xs:maxInclusive value="${schema.maximum}"/>`);
  }
  if (facets.length === 0) {
    return `${indent}<xs:restriction base="${base}"/>`;
  }
  return `${indent}<xs:restriction base="${base}">\n${facets.map((f) => `${indent}  ${f}`).join('\n')}\n${indent}</xs:restriction>`;
}

function documentation(schema, indent) {
  const text = schema.description?.trim();
  return text
    ? `${indent}<xs:annotation><xs:documentation>${esc(text.replace(/\s+/g, ' '))}</xs:documentation></xs:annotation>\n`
    : '';
}

/** One element for a property or an array: its type named, or an anonymous simple/complex type. */
function element(name, schema, required, indent) {
  const occurs = required ? '' : ' minOccurs="0"';
  if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) {
    const max = schema.maxItems === undefined ? 'unbounded' : String(schema.maxItems);
    const min = required ? (schema.minItems ?? 0) : 0;
    return element(name, schema.items, true, indent).replace(
      /^(\s*<xs:element name="[^"]+")/,
      `$1 minOccurs="${min}" maxOccurs="${max}"`,
    );
  }
  const nillable = Array.isArray(schema.type) && schema.type.includes('null') ? ' nillable="true"' : '';
  if (schema.$ref) {
    return `${indent}<xs:element name="${name}" type="tns:${refName(schema.$ref)}"${occurs}${nillable}/>`;
  }
  if (schema.oneOf?.every((s) => s.$ref || s.type === 'null')) {
    const target = schema.oneOf.find((s) => s.$ref);
    return `${indent}<xs:element name="${name}" type="tns:${refName(target.$ref)}"${occurs} nillable="true"/>`;
  }
  if (isSimple(schema)) {
    return `${indent}<xs:element name="${name}"${occurs}${nillable}>\n${indent}  <xs:simpleType>\n${restriction(schema, `${indent}    `)}\n${indent}  </xs:simpleType>\n${indent}</xs:element>`;
  }
  return `${indent}<xs:element name="${name}"${occurs}${nillable}>\n${complexBody(schema, `${indent}  `, true)}\n${indent}</xs:element>`;
}

function sequence(schema, indent) {
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    element(name, property, required.has(name), `${indent}  `),
  );
  if (schema.additionalProperties === true) {
    lines.push(`${indent}  <xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/>`);
  }
  return lines.length === 0
    ? `${indent}<xs:sequence/>`
    : `${indent}<xs:sequence>\n${lines.join('\n')}\n${indent}</xs:sequence>`;
}

function complexBody(schema, indent, anonymous) {
  const open = `${indent}<xs:complexType>`;
  const close = `${indent}</xs:complexType>`;
  const body = (inner) => (anonymous ? `${open}\n${inner}\n${close}` : inner);
  if (schema.allOf) {
    const base = schema.allOf.find((s) => s.$ref);
    const extra = schema.allOf.find((s) => !s.$ref) ?? { properties: {} };
    return body(
      `${indent}  <xs:complexContent>\n${indent}    <xs:extension base="tns:${refName(base.$ref)}">\n${sequence(extra, `${indent}      `)}\n${indent}    </xs:extension>\n${indent}  </xs:complexContent>`,
    );
  }
  if (schema.oneOf) {
    const choices = schema.oneOf.map((option) => {
      const [name, property] = Object.entries(option.properties)[0];
      return element(name, property, true, `${indent}    `);
    });
    return body(`${indent}  <xs:choice>\n${choices.join('\n')}\n${indent}  </xs:choice>`);
  }
  return body(sequence(schema, `${indent}  `));
}

function namedType(name, schema) {
  const doc = documentation(schema, '    ');
  if (name === 'Encrypted') {
    const pattern = xsdPattern(schema.properties.$enc.pattern);
    return `  <xs:simpleType name="Encrypted">\n${doc.replace(/^ {4}/, '    ')}    <xs:restriction base="xs:string">\n      <xs:pattern value="${esc(pattern)}"/>\n      <xs:maxLength value="${schema.properties.$enc.maxLength}"/>\n    </xs:restriction>\n  </xs:simpleType>`;
  }
  if (isSimple(schema)) {
    return `  <xs:simpleType name="${name}">\n${doc}${restriction(schema, '    ')}\n  </xs:simpleType>`;
  }
  return `  <xs:complexType name="${name}">\n${doc}${complexBody(schema, '  ', false)}\n  </xs:complexType>`;
}

const operations = [];
for (const [path, item] of Object.entries(spec.paths)) {
  for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
    const op = item[method];
    if (op && !SKIPPED.has(op.operationId)) {
      operations.push({ path, method, op });
    }
  }
}

function requestElement({ op }) {
  const parts = [];
  for (const parameter of (op.parameters ?? []).map(resolveParam)) {
    if (parameter.in === 'path' || parameter.in === 'query') {
      parts.push(element(parameter.name, parameter.schema, parameter.required === true, '        '));
    }
  }
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) {
    parts.push(element('body', body, true, '        '));
  }
  const inner =
    parts.length === 0
      ? '      <xs:sequence/>'
      : `      <xs:sequence>\n${parts.join('\n')}\n      </xs:sequence>`;
  return `  <xs:element name="${op.operationId}Request">\n    <xs:complexType>\n${inner}\n    </xs:complexType>\n  </xs:element>`;
}

function responseElement({ op }) {
  const [, success] = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
  const content = success.content ?? {};
  const json = content['application/json']?.schema;
  const part = json
    ? element('result', json, true, '        ')
    : '        <xs:element name="content" type="xs:base64Binary"/>\n        <xs:element name="mediaType" type="xs:string"/>';
  return `  <xs:element name="${op.operationId}Response">\n    <xs:complexType>\n      <xs:sequence>\n${part}\n      </xs:sequence>\n    </xs:complexType>\n  </xs:element>`;
}

const packetHeader = `  <xs:element name="Packet">
    <xs:annotation><xs:documentation>The packet protection of the REST form, as a SOAP header: the same key id, time, nonce and MAC. The MAC input is the REST request's protected header with method "POST", target "soap:&lt;operation&gt;" and digest the Content-Digest of the canonical JSON form of the Body element's content (element names are JSON property names, repeated elements arrays, xs:long/xs:decimal numbers, xs:boolean booleans, Encrypted values {"$enc": …}).</xs:documentation></xs:annotation>
    <xs:complexType>
      <xs:attribute name="v" type="xs:int" use="required" fixed="1"/>
      <xs:attribute name="kid" use="required"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Za-z0-9._\\-]{1,64}"/></xs:restriction></xs:simpleType></xs:attribute>
      <xs:attribute name="ts" type="xs:long" use="required"/>
      <xs:attribute name="nonce" use="required"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Za-z0-9_\\-]{22}"/></xs:restriction></xs:simpleType></xs:attribute>
      <xs:attribute name="mac" use="required"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Za-z0-9_\\-]{43}"/></xs:restriction></xs:simpleType></xs:attribute>
      <xs:attribute name="digest" type="tns:ContentDigest" use="required"/>
      <xs:attribute name="requestId" type="tns:RequestId" use="required"/>
      <xs:attribute name="idempotencyKey" type="tns:IdempotencyKey"/>
      <xs:attribute name="jws" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="Problem" type="tns:Problem"/>`;

const xsd = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from gospochta.yaml by scripts/openapi-to-wsdl.mjs — do not edit by hand.
     goskit's own contract: there is no public Госпочта API. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${NS}" targetNamespace="${NS}" elementFormDefault="qualified">
${Object.entries(schemas)
  .map(([name, schema]) => namedType(name, schema))
  .join('\n')}
${packetHeader}
${operations.map((o) => `${requestElement(o)}\n${responseElement(o)}`).join('\n')}
</xs:schema>
`;

const wsdl = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from gospochta.yaml by scripts/openapi-to-wsdl.mjs — do not edit by hand. -->
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${NS}" targetNamespace="${NS}" name="Gospochta">
  <wsdl:documentation>Госпочта (ГЭПС) integration API — goskit's own contract (there is no public Госпочта API), the XML form of gospochta.yaml: the same operations under the same names, document/literal. Every request and response carries the tns:Packet header.</wsdl:documentation>
  <wsdl:types>
    <xs:schema targetNamespace="${NS}-wsdl">
      <xs:import namespace="${NS}" schemaLocation="gospochta.xsd"/>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="Packet"><wsdl:part name="packet" element="tns:Packet"/></wsdl:message>
  <wsdl:message name="Problem"><wsdl:part name="problem" element="tns:Problem"/></wsdl:message>
${operations
  .map(
    ({ op }) =>
      `  <wsdl:message name="${op.operationId}Request"><wsdl:part name="parameters" element="tns:${op.operationId}Request"/></wsdl:message>\n  <wsdl:message name="${op.operationId}Response"><wsdl:part name="parameters" element="tns:${op.operationId}Response"/></wsdl:message>`,
  )
  .join('\n')}
  <wsdl:portType name="GospochtaPort">
${operations
  .map(
    ({ op }) =>
      `    <wsdl:operation name="${op.operationId}">\n      <wsdl:documentation>${esc(op.summary ?? '')} (permission: ${op['x-goskit-permission'] ?? 'any valid token'})</wsdl:documentation>\n      <wsdl:input message="tns:${op.operationId}Request"/>\n      <wsdl:output message="tns:${op.operationId}Response"/>\n      <wsdl:fault name="Problem" message="tns:Problem"/>\n    </wsdl:operation>`,
  )
  .join('\n')}
  </wsdl:portType>
  <wsdl:binding name="GospochtaSoapBinding" type="tns:GospochtaPort">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
${operations
  .map(
    ({ op }) =>
      `    <wsdl:operation name="${op.operationId}">\n      <soap:operation soapAction="${NS}#${op.operationId}"/>\n      <wsdl:input><soap:header message="tns:Packet" part="packet" use="literal"/><soap:body use="literal"/></wsdl:input>\n      <wsdl:output><soap:header message="tns:Packet" part="packet" use="literal"/><soap:body use="literal"/></wsdl:output>\n      <wsdl:fault name="Problem"><soap:fault name="Problem" use="literal"/></wsdl:fault>\n    </wsdl:operation>`,
  )
  .join('\n')}
  </wsdl:binding>
  <wsdl:service name="GospochtaService">
    <wsdl:port name="GospochtaSoap" binding="tns:GospochtaSoapBinding">
      <soap:address location="http://127.0.0.1:4010/gospochta/soap"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;

// The same two documents as text for portals (the goskit simulator serves them at /soap?wsdl and
// /soap?xsd) through @goskit/gospochta/protocol, so nothing reads files at run time.
const xmlModule = `// Generated from openapi/gospochta.yaml by scripts/openapi-to-wsdl.mjs — do not edit; run \`pnpm generate\`.
/** openapi/gospochta.wsdl as text (SOAP 1.1, document/literal; goskit's own contract). */
export const GOSPOCHTA_WSDL: string = ${JSON.stringify(wsdl)};
/** openapi/gospochta.xsd as text. */
export const GOSPOCHTA_XSD: string = ${JSON.stringify(xsd)};
`;

const outputs = [
  ['openapi/gospochta.xsd', xsd],
  ['openapi/gospochta.wsdl', wsdl],
  ['src/generated/gospochta-xml.ts', xmlModule],
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, text]) => {
    try {
      return readFileSync(join(root, file), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(
      `out of date: ${stale.map(([file]) => file).join(', ')} — run pnpm --filter @goskit/gospochta generate`,
    );
    process.exit(1);
  }
} else {
  for (const [file, text] of outputs) {
    writeFileSync(join(root, file), text);
  }
}

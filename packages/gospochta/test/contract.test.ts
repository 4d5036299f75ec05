/**
 * The contract and the code say the same thing: every operation's permission, the role matrix, the
 * PII names, the enums the client checks against, the packet headers on every /v1 operation and the
 * problem codes the client maps; the XML form (XSD + WSDL) has the same operations and is up to date
 * and well formed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  LETTER_STATUSES,
  OPERATION_PERMISSIONS,
  PACKET_CHECKS,
  PERMISSIONS,
  PII_FIELD_NAMES,
  ROLE_PERMISSIONS,
  ROLES,
  WEBHOOK_EVENT_TYPES,
} from '../src/index.js';

const file = (name: string) => fileURLToPath(new URL(`../openapi/${name}`, import.meta.url));
const spec = parse(readFileSync(file('gospochta.yaml'), 'utf8'));
const schemas = spec.components.schemas as Record<string, Record<string, unknown>>;

interface Operation {
  path: string;
  method: string;
  op: Record<string, unknown> & {
    operationId: string;
    parameters?: { $ref?: string; name?: string; in?: string }[];
  };
}
const operations: Operation[] = Object.entries(
  spec.paths as Record<string, Record<string, Operation['op']>>,
).flatMap(([path, item]) =>
  ['get', 'post', 'put', 'delete', 'patch']
    .filter((m) => item[m])
    .map((method) => ({ path, method, op: item[method] as Operation['op'] })),
);
const enumOf = (name: string) => (schemas[name] as { enum: string[] }).enum;

/** Every property whose value is the Encrypted schema, anywhere in the components. */
function encryptedProperties(): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') {
      return;
    }
    const properties = (node as { properties?: Record<string, { $ref?: string }> }).properties;
    for (const [name, value] of Object.entries(properties ?? {})) {
      if (value.$ref === '#/components/schemas/Encrypted') {
        names.add(name);
      }
    }
    Object.values(node).forEach(walk);
  };
  walk(schemas);
  return names;
}

describe('the contract and the code agree', () => {
  it('on the permission of every operation, and on nothing else', () => {
    const inContract = Object.fromEntries(
      operations.map(({ op }) => [op.operationId, op['x-goskit-permission']]),
    );
    expect(inContract).toEqual(OPERATION_PERMISSIONS);
  });

  it('on roles, permissions and the role matrix', () => {
    expect(enumOf('Role')).toEqual([...ROLES]);
    expect(enumOf('Permission')).toEqual([...PERMISSIONS]);
    expect(spec.info['x-goskit-roles']).toEqual(ROLE_PERMISSIONS);
    for (const [role, granted] of Object.entries(ROLE_PERMISSIONS)) {
      expect(
        granted.every((p) => PERMISSIONS.includes(p)),
        role,
      ).toBe(true);
    }
    // Every permission is needed by some operation and granted to some role.
    const needed = new Set(Object.values(OPERATION_PERMISSIONS).filter(Boolean));
    expect([...needed].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('on which fields are personal data', () => {
    expect([...encryptedProperties()].sort()).toEqual([...PII_FIELD_NAMES].sort());
  });

  it('on the enums the client checks', () => {
    expect(enumOf('DocumentType')).toEqual(Object.keys(DOCUMENT_TYPES));
    expect(enumOf('DocumentKind')).toEqual(Object.keys(DOCUMENT_KINDS));
    expect(enumOf('LetterStatus')).toEqual([...LETTER_STATUSES]);
    expect(enumOf('WebhookEventType')).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(enumOf('PacketCheck')).toEqual([...PACKET_CHECKS]);
    for (const code of [
      'PERMISSION_DENIED',
      'IDEMPOTENCY_KEY_REUSED',
      'LINK_EXPIRED',
      'PACKET_REJECTED',
      'NOT_FOUND',
      'CHARGE_ALREADY_PAID',
    ]) {
      expect(enumOf('ProblemCode')).toContain(code);
    }
  });

  it('on packet headers for every /v1 operation, and on the errors each one answers', () => {
    for (const { path, op } of operations.filter((o) => o.path.startsWith('/v1/'))) {
      const params = (op.parameters ?? []).map((p) => (p.$ref ? p.$ref.split('/').at(-1) : p.name));
      expect(params, op.operationId).toEqual(
        expect.arrayContaining(['XRequestId', 'Packet', 'ContentDigest']),
      );
      const responses = op.responses as Record<string, { headers?: Record<string, unknown>; $ref?: string }>;
      for (const status of ['400', '401', '403', '429', '500']) {
        expect(responses[status], `${op.operationId} ${status}`).toBeDefined();
      }
      const [, success] = Object.entries(responses).find(([status]) => status.startsWith('2')) as [
        string,
        { headers: Record<string, unknown> },
      ];
      expect(Object.keys(success.headers), `${op.operationId} ${path}`).toEqual(
        expect.arrayContaining(['X-Gospochta-Packet', 'Content-Digest', 'X-Request-Id']),
      );
    }
    for (const id of ['sendLetter', 'createPayment']) {
      const op = operations.find((o) => o.op.operationId === id)?.op;
      expect(op?.parameters?.map((p) => p.$ref)).toContain('#/components/parameters/IdempotencyKeyRequired');
    }
    // Personal data never in a URL: no path or query parameter is named like a PII field.
    for (const { op } of operations) {
      for (const p of op.parameters ?? []) {
        expect(PII_FIELD_NAMES).not.toContain(p.name);
      }
    }
  });

  it('states plainly that the contract is goskit’s own', () => {
    expect(spec.info.title).toContain("goskit's own contract");
    expect(spec.info.description).toContain('There is no public Госпочта API');
  });
});

/** Well-formedness: one root, every tag closed in order, attributes quoted, no stray `<` or `&`. */
function checkWellFormed(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let roots = 0;
  for (const match of body.matchAll(tag)) {
    if (match[2] === undefined) {
      problems.push(`stray ${match[0]} at ${match.index}`);
      continue;
    }
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== name) {
        problems.push(`</${name}> closes <${open}>`);
      }
    } else if (!selfClosing) {
      if (stack.length === 0) {
        roots += 1;
      }
      stack.push(name as string);
    } else if (stack.length === 0) {
      roots += 1;
    }
  }
  if (stack.length > 0) {
    problems.push(`unclosed ${stack.join(' > ')}`);
  }
  if (roots !== 1) {
    problems.push(`${roots} root elements`);
  }
  return problems;
}

describe('the XML form for SOAP users', () => {
  const xsd = readFileSync(file('gospochta.xsd'), 'utf8');
  const wsdl = readFileSync(file('gospochta.wsdl'), 'utf8');

  it('is generated from the OpenAPI document and up to date', () => {
    const script = fileURLToPath(new URL('../scripts/openapi-to-wsdl.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('is well formed', () => {
    expect(checkWellFormed(xsd)).toEqual([]);
    expect(checkWellFormed(wsdl)).toEqual([]);
    expect(checkWellFormed('<a><b></a></b>')).not.toEqual([]);
  });

  it('has one SOAP operation per /v1 operation, under the same name, each with request, response and fault', () => {
    const api = operations
      .filter((o) => o.path.startsWith('/v1/'))
      .map((o) => o.op.operationId)
      .sort();
    const portType = /<wsdl:portType[\s\S]*?<\/wsdl:portType>/.exec(wsdl)?.[0] ?? '';
    const inPort = [...portType.matchAll(/<wsdl:operation name="(\w+)">/g)].map((m) => m[1]).sort();
    expect(inPort).toEqual(api);
    const binding = /<wsdl:binding[\s\S]*?<\/wsdl:binding>/.exec(wsdl)?.[0] ?? '';
    expect([...binding.matchAll(/<wsdl:operation name="(\w+)">/g)].map((m) => m[1]).sort()).toEqual(api);
    for (const id of api) {
      expect(xsd).toContain(`<xs:element name="${id}Request">`);
      expect(xsd).toContain(`<xs:element name="${id}Response">`);
    }
  });

  it('defines every type it references', () => {
    const defined = new Set(
      [...xsd.matchAll(/<xs:(?:complexType|simpleType|element) name="(\w+)"/g)].map((m) => m[1]),
    );
    const referenced = new Set([...xsd.matchAll(/(?:type|base)="tns:(\w+)"/g)].map((m) => m[1]));
    expect([...referenced].filter((name) => !defined.has(name))).toEqual([]);
    const wsdlElements = [...wsdl.matchAll(/element="tns:(\w+)"/g)].map((m) => m[1]);
    expect(wsdlElements.filter((name) => !defined.has(name))).toEqual([]);
    expect(xsd).toContain('<xs:simpleType name="Encrypted">');
    expect(xsd).toContain('<xs:element name="Packet">');
  });
});

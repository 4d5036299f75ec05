/**
 * Compiles an XSD into the tables the streaming checker walks. The supported subset is what record
 * files need, and anything outside it is refused with XSD_UNSUPPORTED naming the construct and its
 * line — a schema never passes silently because part of it was not enforced:
 * - global and local `element` (name, type, ref, minOccurs, maxOccurs, fixed), named and inline
 *   `complexType` / `simpleType`;
 * - content: one flat `sequence`, `choice` or `all` of elements, `simpleContent` with an `extension`
 *   adding attributes, or empty;
 * - `attribute` (name, type, use, fixed, default) with built-in, named or inline simple types;
 * - `simpleType` restrictions with enumeration, pattern, (min|max)Length, length, min/max
 *   (In|Ex)clusive, totalDigits, fractionDigits, whiteSpace; `union` of member types;
 * - `annotation` / `documentation` anywhere (ignored).
 * Not supported: nested model groups, `any`/`anyAttribute`, `group`/`attributeGroup`, `key`/`unique`,
 * `list`, `complexContent`, substitution groups, `import`/`include`, `nillable`, mixed content.
 */
import { FormatError } from './format-error.js';
import { parseXsd, XSD_NAMESPACE, type XsdNode } from './xsd-dom.js';
import {
  builtinType,
  type Facets,
  restrict,
  type SimpleType,
  union,
  type WhiteSpace,
  xsdPattern,
} from './xsd-simple-types.js';

export interface AttributeDecl {
  readonly name: string;
  readonly type: SimpleType;
  readonly typeName: string;
  readonly required: boolean;
  readonly fixed: string | undefined;
}

export interface Particle {
  readonly name: string;
  readonly min: number;
  /** Infinity for maxOccurs="unbounded". */
  readonly max: number;
  readonly element: ElementDecl;
}

export interface ComplexDecl {
  /** How children are arranged; 'simple' holds text (checked by `text`); 'empty' holds nothing. */
  readonly model: 'sequence' | 'choice' | 'all' | 'simple' | 'empty';
  readonly particles: Particle[];
  /** Occurrences of a choice group. */
  readonly groupMin: number;
  readonly groupMax: number;
  readonly attributes: Map<string, AttributeDecl>;
  readonly required: string[];
  readonly text: SimpleType | undefined;
  readonly textTypeName: string | undefined;
}

export interface ElementDecl {
  readonly name: string;
  /** Elements of a simple type hold only text. */
  simple: SimpleType | undefined;
  complex: ComplexDecl | undefined;
  typeName: string;
  fixed: string | undefined;
}

export interface CompiledXsd {
  readonly targetNamespace: string | undefined;
  readonly roots: ReadonlyMap<string, ElementDecl>;
}

const IGNORED = new Set(['annotation']);

function unsupported(node: XsdNode, what: string): never {
  throw new FormatError('XSD_UNSUPPORTED', `XSD ${what} is not supported by the streaming checker`, {
    line: node.line,
  });
}

function invalid(node: XsdNode, what: string): never {
  throw new FormatError('XSD_INVALID', `XSD: ${what}`, { line: node.line });
}

function childrenOf(node: XsdNode): XsdNode[] {
  return node.children.filter((child) => !IGNORED.has(child.name));
}

function allowAttributes(node: XsdNode, allowed: readonly string[]): void {
  for (const key of node.attributes.keys()) {
    if (!allowed.includes(key) && !key.startsWith('xmlns')) {
      unsupported(node, `attribute "${key}" on <${node.name}>`);
    }
  }
}

function occurs(node: XsdNode, name: 'minOccurs' | 'maxOccurs', fallback: number): number {
  const text = node.attributes.get(name);
  if (text === undefined) {
    return fallback;
  }
  if (name === 'maxOccurs' && text === 'unbounded') {
    return Number.POSITIVE_INFINITY;
  }
  if (!/^\d+$/.test(text)) {
    invalid(node, `${name} must be a non-negative integer${name === 'maxOccurs' ? ' or "unbounded"' : ''}`);
  }
  return Number(text);
}

class Compiler {
  readonly #namespaces: Map<string, string>;
  readonly #targetNamespace: string | undefined;
  readonly #namedSimple = new Map<string, XsdNode>();
  readonly #namedComplex = new Map<string, XsdNode>();
  readonly #globalElements = new Map<string, XsdNode>();
  readonly #simpleCache = new Map<string, SimpleType>();
  readonly #complexCache = new Map<string, ComplexDecl>();
  readonly #elementCache = new Map<string, ElementDecl>();
  readonly #resolving = new Set<string>();

  constructor(root: XsdNode, namespaces: Map<string, string>) {
    this.#namespaces = namespaces;
    allowAttributes(root, [
      'targetNamespace',
      'elementFormDefault',
      'attributeFormDefault',
      'version',
      'xml:lang',
    ]);
    this.#targetNamespace = root.attributes.get('targetNamespace');
    if (this.#targetNamespace !== undefined && root.attributes.get('elementFormDefault') !== 'qualified') {
      unsupported(root, 'a targetNamespace without elementFormDefault="qualified"');
    }
    for (const child of childrenOf(root)) {
      const name = child.attributes.get('name');
      const table =
        child.name === 'simpleType'
          ? this.#namedSimple
          : child.name === 'complexType'
            ? this.#namedComplex
            : child.name === 'element'
              ? this.#globalElements
              : unsupported(child, `<${child.name}> at the top level`);
      if (name === undefined) {
        invalid(child, `a top-level <${child.name}> needs a name`);
      }
      if (table.has(name)) {
        invalid(child, `two top-level <${child.name}> named "${name}"`);
      }
      table.set(name, child);
    }
  }

  compile(): CompiledXsd {
    const roots = new Map<string, ElementDecl>();
    for (const name of this.#globalElements.keys()) {
      roots.set(name, this.#globalElement(name));
    }
    if (roots.size === 0) {
      throw new FormatError('XSD_INVALID', 'XSD: the schema declares no element', { line: 1 });
    }
    return { targetNamespace: this.#targetNamespace, roots };
  }

  /** A QName's local part, when its prefix names the schema namespace (or the target namespace). */
  #local(node: XsdNode, qname: string): { local: string; builtin: boolean } {
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const local = qname.slice(colon + 1);
    const namespace = this.#namespaces.get(prefix);
    if (namespace === XSD_NAMESPACE) {
      return { local, builtin: true };
    }
    if (namespace === this.#targetNamespace || (namespace === undefined && prefix === '')) {
      return { local, builtin: false };
    }
    return invalid(node, `the prefix of "${qname}" is not bound to the schema or target namespace`);
  }

  #simpleByName(node: XsdNode, qname: string): SimpleType {
    const { local, builtin } = this.#local(node, qname);
    if (builtin) {
      return builtinType(local) ?? unsupported(node, `built-in type "${local}"`);
    }
    const cached = this.#simpleCache.get(local);
    if (cached !== undefined) {
      return cached;
    }
    const declaration = this.#namedSimple.get(local);
    if (declaration === undefined) {
      return invalid(node, `no simpleType named "${local}"`);
    }
    if (this.#resolving.has(`simple:${local}`)) {
      return invalid(node, `simpleType "${local}" derives from itself`);
    }
    this.#resolving.add(`simple:${local}`);
    const type = this.#simpleType(declaration);
    this.#resolving.delete(`simple:${local}`);
    this.#simpleCache.set(local, type);
    return type;
  }

  #simpleType(node: XsdNode): SimpleType {
    allowAttributes(node, ['name']);
    const [body, ...rest] = childrenOf(node);
    if (body === undefined || rest.length > 0) {
      return invalid(node, '<simpleType> needs exactly one <restriction> or <union>');
    }
    if (body.name === 'restriction') {
      return this.#restriction(body);
    }
    if (body.name === 'union') {
      allowAttributes(body, ['memberTypes']);
      const members = (body.attributes.get('memberTypes') ?? '')
        .split(/\s+/)
        .filter((name) => name.length > 0)
        .map((name) => this.#simpleByName(body, name));
      for (const inline of childrenOf(body)) {
        if (inline.name !== 'simpleType') {
          unsupported(inline, `<${inline.name}> inside <union>`);
        }
        members.push(this.#simpleType(inline));
      }
      if (members.length === 0) {
        invalid(body, '<union> needs member types');
      }
      return union(members);
    }
    return unsupported(body, `<${body.name}> in <simpleType>`);
  }

  #restriction(node: XsdNode): SimpleType {
    allowAttributes(node, ['base']);
    const baseName = node.attributes.get('base');
    const children = childrenOf(node);
    let base: SimpleType;
    let facetNodes = children;
    if (baseName !== undefined) {
      base = this.#simpleByName(node, baseName);
    } else if (children[0]?.name === 'simpleType') {
      base = this.#simpleType(children[0]);
      facetNodes = children.slice(1);
    } else {
      return invalid(node, '<restriction> needs a base');
    }
    const facets: Facets = {};
    for (const facet of facetNodes) {
      allowAttributes(facet, ['value', 'fixed']);
      const value = facet.attributes.get('value');
      if (value === undefined) {
        invalid(facet, `<${facet.name}> needs a value`);
      }
      const count = (): number =>
        /^\d+$/.test(value) ? Number(value) : invalid(facet, `<${facet.name}> needs a non-negative integer`);
      switch (facet.name) {
        case 'enumeration':
          facets.enumeration = [...(facets.enumeration ?? []), value];
          break;
        case 'pattern': {
          const pattern = xsdPattern(value);
          if (typeof pattern === 'string') {
            unsupported(facet, `pattern: ${pattern}`);
          }
          facets.patterns = [...(facets.patterns ?? []), pattern];
          break;
        }
        case 'length':
        case 'minLength':
        case 'maxLength':
        case 'totalDigits':
        case 'fractionDigits':
          facets[facet.name] = count();
          break;
        case 'minInclusive':
        case 'maxInclusive':
        case 'minExclusive':
        case 'maxExclusive':
          if (base.check(value) !== undefined) {
            invalid(facet, `<${facet.name}> value is not of the base type`);
          }
          facets[facet.name] = value;
          break;
        case 'whiteSpace':
          if (value !== 'preserve' && value !== 'replace' && value !== 'collapse') {
            invalid(facet, '<whiteSpace> is preserve, replace or collapse');
          }
          facets.whiteSpace = value as WhiteSpace;
          break;
        default:
          unsupported(facet, `facet <${facet.name}>`);
      }
    }
    return restrict(base, facets);
  }

  #complexByName(node: XsdNode, qname: string): ComplexDecl | undefined {
    const { local, builtin } = this.#local(node, qname);
    if (builtin) {
      return local === 'anyType' ? unsupported(node, 'type "anyType"') : undefined;
    }
    const cached = this.#complexCache.get(local);
    if (cached !== undefined) {
      return cached;
    }
    const declaration = this.#namedComplex.get(local);
    return declaration === undefined ? undefined : this.#complexType(declaration, local);
  }

  #complexType(node: XsdNode, cacheName?: string): ComplexDecl {
    allowAttributes(node, ['name']);
    const decl: {
      model: ComplexDecl['model'];
      particles: Particle[];
      groupMin: number;
      groupMax: number;
      attributes: Map<string, AttributeDecl>;
      required: string[];
      text: SimpleType | undefined;
      textTypeName: string | undefined;
    } = {
      model: 'empty',
      particles: [],
      groupMin: 1,
      groupMax: 1,
      attributes: new Map(),
      required: [],
      text: undefined,
      textTypeName: undefined,
    };
    if (cacheName !== undefined) {
      // Before the children: a type may contain elements of itself.
      this.#complexCache.set(cacheName, decl);
    }
    let attributeNodes: XsdNode[] = [];
    for (const child of childrenOf(node)) {
      if (child.name === 'attribute') {
        attributeNodes.push(child);
      } else if (child.name === 'sequence' || child.name === 'choice' || child.name === 'all') {
        if (decl.model !== 'empty' || attributeNodes.length > 0) {
          invalid(child, `<${child.name}> must come first and only once in <complexType>`);
        }
        decl.model = child.name;
        allowAttributes(child, ['minOccurs', 'maxOccurs']);
        if (child.name === 'choice') {
          decl.groupMin = occurs(child, 'minOccurs', 1);
          decl.groupMax = occurs(child, 'maxOccurs', 1);
        } else if (child.attributes.has('minOccurs') || child.attributes.has('maxOccurs')) {
          unsupported(child, `minOccurs/maxOccurs on <${child.name}>`);
        }
        for (const particle of childrenOf(child)) {
          if (particle.name !== 'element') {
            unsupported(particle, `<${particle.name}> inside <${child.name}> (only flat element lists)`);
          }
          const element = this.#localElement(particle);
          const min = occurs(particle, 'minOccurs', 1);
          const max = occurs(particle, 'maxOccurs', 1);
          if (max < min || (child.name === 'all' && max > 1)) {
            invalid(particle, 'maxOccurs must be at least minOccurs (and at most 1 inside <all>)');
          }
          if (decl.particles.some((other) => other.name === element.name)) {
            unsupported(particle, `two particles named "${element.name}" in one group`);
          }
          decl.particles.push({ name: element.name, min, max, element });
        }
      } else if (child.name === 'simpleContent') {
        const [extension, ...rest] = childrenOf(child);
        if (extension?.name !== 'extension' || rest.length > 0) {
          unsupported(child, '<simpleContent> other than one <extension>');
        }
        allowAttributes(extension, ['base']);
        const base = extension.attributes.get('base') ?? invalid(extension, '<extension> needs a base');
        decl.model = 'simple';
        decl.text = this.#simpleByName(extension, base);
        decl.textTypeName = base;
        attributeNodes = childrenOf(extension).filter(
          (item) => item.name === 'attribute' || unsupported(item, `<${item.name}> in <extension>`),
        );
      } else {
        unsupported(child, `<${child.name}> in <complexType>`);
      }
    }
    for (const attribute of attributeNodes) {
      const declared = this.#attribute(attribute);
      if (declared === undefined) {
        continue;
      }
      if (decl.attributes.has(declared.name)) {
        invalid(attribute, `attribute "${declared.name}" is declared twice`);
      }
      decl.attributes.set(declared.name, declared);
      if (declared.required) {
        decl.required.push(declared.name);
      }
    }
    return decl;
  }

  #attribute(node: XsdNode): AttributeDecl | undefined {
    allowAttributes(node, ['name', 'type', 'use', 'fixed', 'default']);
    const name =
      node.attributes.get('name') ?? invalid(node, '<attribute> needs a name (ref is not supported)');
    const use = node.attributes.get('use') ?? 'optional';
    if (use === 'prohibited') {
      return undefined;
    }
    if (use !== 'optional' && use !== 'required') {
      invalid(node, 'use is optional, required or prohibited');
    }
    const { type, typeName } = this.#valueType(node);
    const fixed = node.attributes.get('fixed');
    if (fixed !== undefined && type.check(fixed) !== undefined) {
      invalid(node, `the fixed value of "${name}" is not of its type`);
    }
    return { name, type, typeName, required: use === 'required', fixed };
  }

  /** The simple type of an attribute or element: `type=`, an inline simpleType, or anySimpleType. */
  #valueType(node: XsdNode): { type: SimpleType; typeName: string } {
    const typeName = node.attributes.get('type');
    const inline = childrenOf(node).find((child) => child.name === 'simpleType');
    if (typeName !== undefined && inline !== undefined) {
      invalid(node, 'both type= and an inline <simpleType>');
    }
    if (inline !== undefined) {
      return { type: this.#simpleType(inline), typeName: '(anonymous)' };
    }
    const name = typeName ?? 'xs:anySimpleType';
    const type =
      typeName === undefined ? (builtinType('anySimpleType') as SimpleType) : this.#simpleByName(node, name);
    return { type, typeName: name };
  }

  #globalElement(name: string): ElementDecl {
    const cached = this.#elementCache.get(name);
    if (cached !== undefined) {
      return cached;
    }
    const node = this.#globalElements.get(name) as XsdNode;
    return this.#element(node, name, true);
  }

  #localElement(node: XsdNode): ElementDecl {
    const ref = node.attributes.get('ref');
    if (ref !== undefined) {
      allowAttributes(node, ['ref', 'minOccurs', 'maxOccurs']);
      const { local } = this.#local(node, ref);
      if (!this.#globalElements.has(local)) {
        invalid(node, `no global element named "${local}"`);
      }
      return this.#globalElement(local);
    }
    const name = node.attributes.get('name') ?? invalid(node, '<element> needs a name or a ref');
    return this.#element(node, name, false);
  }

  #element(node: XsdNode, name: string, global: boolean): ElementDecl {
    allowAttributes(
      node,
      global ? ['name', 'type', 'fixed'] : ['name', 'type', 'fixed', 'minOccurs', 'maxOccurs'],
    );
    const decl: ElementDecl = {
      name,
      simple: undefined,
      complex: undefined,
      typeName: '(anonymous)',
      fixed: undefined,
    };
    if (global) {
      this.#elementCache.set(name, decl);
    }
    const typeName = node.attributes.get('type');
    const inline = childrenOf(node);
    if (inline.length > 1 || (inline.length === 1 && typeName !== undefined)) {
      invalid(node, `<element name="${name}"> has both a type and an inline type, or two inline types`);
    }
    const [body] = inline;
    if (body?.name === 'complexType') {
      decl.complex = this.#complexType(body);
    } else if (body?.name === 'simpleType') {
      decl.simple = this.#simpleType(body);
    } else if (body !== undefined) {
      unsupported(body, `<${body.name}> in <element>`);
    } else if (typeName !== undefined) {
      decl.typeName = typeName;
      decl.complex = this.#complexByName(node, typeName);
      if (decl.complex === undefined) {
        decl.simple = this.#simpleByName(node, typeName);
      }
    } else {
      decl.simple = builtinType('anySimpleType');
    }
    const fixed = node.attributes.get('fixed');
    if (fixed !== undefined) {
      if (decl.simple === undefined || decl.simple.check(fixed) !== undefined) {
        invalid(node, `the fixed value of <${name}> must be of its simple type`);
      }
      decl.fixed = fixed;
    }
    return decl;
  }
}

/** Compiles schema text; throws FormatError XSD_INVALID / XSD_UNSUPPORTED (with the line) otherwise. */
export function compileXsd(text: string): CompiledXsd {
  const { root, namespaces } = parseXsd(text);
  return new Compiler(root, namespaces).compile();
}

/**
 * Checks an XML stream against a compiled XSD as the scanner reads it, passing every event on to the
 * consumer (which builds its records). Nothing is held per element beyond the open path, so a file of
 * any size costs the same memory. Problems are reported, never thrown: each names the line, the path
 * (`/marks/mark[12]/@value`), the rule (ru + en) and the type or particle involved — never the value.
 * Undeclared subtrees are reported once and skipped. Namespaces: the root's declarations only; an
 * element is in the schema's namespace when its prefix (or the default namespace) is bound to it.
 */
import type { LocalizedText } from '../messages/messages.js';
import { FORMAT_MESSAGES, type FormatCode } from './format-messages.js';
import type { XmlEvents } from './xml-scanner.js';
import type { AttributeDecl, CompiledXsd, ComplexDecl, ElementDecl } from './xsd-compile.js';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
/** Text kept for one simple-content element (the scanner bounds each text node already). */
const MAX_TEXT = 65_536;

export interface XsdIssue {
  line: number;
  /** `/root/child[3]/@attribute` (1-based positions among same-named siblings). */
  path: string;
  code: FormatCode;
  rule: LocalizedText;
  /** The element (local name) the problem is in. */
  element: string;
  attribute?: string;
  /** The type, facet or particle involved, e.g. "type markValue", "expected <date>". */
  detail?: string;
}

interface Frame {
  name: string;
  position: number;
  decl: ElementDecl | undefined;
  /** Next particle of a sequence, and how many of it were seen. */
  particle: number;
  count: number;
  /** Occurrences per particle name (all / choice), and children per name (for positions). */
  seen: Map<string, number> | undefined;
  groupCount: number;
  text: string;
}

export class XsdValidator implements XmlEvents {
  readonly #schema: CompiledXsd;
  readonly #downstream: XmlEvents;
  readonly #report: (issue: XsdIssue) => void;
  readonly #line: () => number;
  readonly #stack: Frame[] = [];
  #prefix: string | undefined;
  #defaultInNamespace = false;
  #xsiPrefixes = new Set<string>();

  /** `line` reads the scanner's current line (`() => scanner.line()`). */
  constructor(
    schema: CompiledXsd,
    downstream: XmlEvents,
    report: (issue: XsdIssue) => void,
    line: () => number,
  ) {
    this.#schema = schema;
    this.#downstream = downstream;
    this.#report = report;
    this.#line = line;
  }

  open(name: string, attributes: readonly string[], count: number): void {
    const parent = this.#stack.at(-1);
    if (parent === undefined) {
      this.#namespaces(attributes, count);
    }
    const local = this.#localName(name, parent === undefined ? undefined : parent.name);
    const position = parent === undefined ? 1 : this.#position(parent, local);
    const frame: Frame = {
      name: local,
      position,
      decl: undefined,
      particle: 0,
      count: 0,
      seen: undefined,
      groupCount: 0,
      text: '',
    };
    this.#stack.push(frame);
    if (parent === undefined) {
      frame.decl = this.#schema.roots.get(local);
      if (frame.decl === undefined) {
        this.#issue(
          'XSD_ROOT',
          local,
          undefined,
          `declared roots: ${[...this.#schema.roots.keys()].join(', ')}`,
        );
      }
    } else if (parent.decl !== undefined) {
      frame.decl = this.#child(parent, local);
    }
    if (frame.decl !== undefined) {
      this.#attributes(frame.decl, attributes, count);
    }
    this.#downstream.open(name, attributes, count);
  }

  text(value: string): void {
    const frame = this.#stack.at(-1);
    if (frame?.decl !== undefined) {
      const complex = frame.decl.complex;
      if (complex === undefined || complex.model === 'simple') {
        if (frame.text.length < MAX_TEXT) {
          frame.text += value;
        }
      } else if (frame.text === '') {
        frame.text = ' ';
        this.#issue('XSD_TEXT_NOT_ALLOWED', frame.name);
      }
    }
    this.#downstream.text(value);
  }

  close(name: string): void {
    const frame = this.#stack.at(-1) as Frame;
    const decl = frame.decl;
    if (decl !== undefined) {
      const complex = decl.complex;
      if (complex === undefined) {
        this.#value(decl.simple, frame.text, frame.name, undefined, decl.typeName, decl.fixed);
      } else if (complex.model === 'simple') {
        this.#value(complex.text, frame.text, frame.name, undefined, complex.textTypeName ?? '', undefined);
      } else {
        this.#missing(frame, complex);
      }
    }
    this.#stack.pop();
    this.#downstream.close(name);
  }

  #namespaces(attributes: readonly string[], count: number): void {
    const target = this.#schema.targetNamespace;
    for (let i = 0; i < count; i++) {
      const key = attributes[i * 2] as string;
      const value = attributes[i * 2 + 1] as string;
      if (key === 'xmlns') {
        this.#defaultInNamespace = value === target;
      } else if (key.startsWith('xmlns:')) {
        if (value === target) {
          this.#prefix = key.slice(6);
        } else if (value === XSI_NAMESPACE) {
          this.#xsiPrefixes.add(key.slice(6));
        }
      }
    }
  }

  #localName(name: string, parent: string | undefined): string {
    const colon = name.indexOf(':');
    const local = colon === -1 ? name : name.slice(colon + 1);
    const target = this.#schema.targetNamespace;
    const inNamespace =
      colon === -1
        ? target === undefined
          ? true
          : this.#defaultInNamespace
        : name.slice(0, colon) === this.#prefix;
    if (!inNamespace && (target !== undefined || colon !== -1)) {
      const where = parent === undefined ? local : parent;
      this.#issue(
        'XSD_NAMESPACE',
        where,
        undefined,
        target === undefined ? 'no namespace expected' : `expected ${target}`,
      );
    }
    return local;
  }

  #position(parent: Frame, local: string): number {
    parent.seen ??= new Map();
    const next = (parent.seen.get(`#${local}`) ?? 0) + 1;
    parent.seen.set(`#${local}`, next);
    return next;
  }

  /** The declaration of a child, advancing the parent's content model; undefined when not allowed. */
  #child(parent: Frame, local: string): ElementDecl | undefined {
    const complex = (parent.decl as ElementDecl).complex;
    if (complex === undefined || complex.model === 'simple' || complex.model === 'empty') {
      this.#issue('XSD_CHILD_NOT_ALLOWED', parent.name, undefined, `<${local}>`);
      return undefined;
    }
    const particles = complex.particles;
    if (complex.model === 'sequence') {
      while (parent.particle < particles.length) {
        const particle = particles[parent.particle] as (typeof particles)[number];
        if (particle.name === local) {
          if (parent.count < particle.max) {
            parent.count += 1;
            return particle.element;
          }
          this.#issue('XSD_TOO_MANY', local, undefined, `maxOccurs ${particle.max}`);
          return particle.element;
        }
        if (parent.count < particle.min) {
          // A required element is missing; resynchronise if this element comes later.
          const later = particles.findIndex(
            (other, index) => index > parent.particle && other.name === local,
          );
          this.#issue(
            'XSD_MISSING_ELEMENT',
            parent.name,
            undefined,
            `expected <${particle.name}> before <${local}>`,
          );
          if (later === -1) {
            this.#issue('XSD_UNEXPECTED_ELEMENT', local);
            return undefined;
          }
          parent.particle = later;
          parent.count = 1;
          return (particles[later] as (typeof particles)[number]).element;
        }
        parent.particle += 1;
        parent.count = 0;
      }
      this.#issue('XSD_UNEXPECTED_ELEMENT', local);
      return undefined;
    }
    const particle = particles.find((candidate) => candidate.name === local);
    if (particle === undefined) {
      this.#issue(
        'XSD_UNEXPECTED_ELEMENT',
        local,
        undefined,
        `allowed: ${particles.map((p) => `<${p.name}>`).join(' ')}`,
      );
      return undefined;
    }
    parent.seen ??= new Map();
    const seen = (parent.seen.get(local) ?? 0) + 1;
    parent.seen.set(local, seen);
    if (complex.model === 'choice') {
      // A run of the same alternative is one occurrence of the group (up to the particle's maxOccurs).
      const continuing = parent.particle === particles.indexOf(particle) + 1 && parent.count < particle.max;
      if (continuing) {
        parent.count += 1;
      } else {
        parent.groupCount += 1;
        parent.particle = particles.indexOf(particle) + 1;
        parent.count = 1;
        if (parent.groupCount > complex.groupMax) {
          this.#issue(
            'XSD_TOO_MANY',
            local,
            undefined,
            `the choice occurs at most ${complex.groupMax} time(s)`,
          );
        }
      }
      return particle.element;
    }
    if (seen > particle.max) {
      this.#issue('XSD_TOO_MANY', local, undefined, `maxOccurs ${particle.max}`);
    }
    return particle.element;
  }

  #missing(frame: Frame, complex: ComplexDecl): void {
    const particles = complex.particles;
    if (complex.model === 'sequence') {
      for (let index = frame.particle; index < particles.length; index++) {
        const particle = particles[index] as (typeof particles)[number];
        const count = index === frame.particle ? frame.count : 0;
        if (count < particle.min) {
          this.#issue('XSD_MISSING_ELEMENT', frame.name, undefined, `expected <${particle.name}>`);
          return;
        }
      }
    } else if (complex.model === 'all') {
      for (const particle of particles) {
        if ((frame.seen?.get(particle.name) ?? 0) < particle.min) {
          this.#issue('XSD_MISSING_ELEMENT', frame.name, undefined, `expected <${particle.name}>`);
        }
      }
    } else if (complex.model === 'choice') {
      const current = particles[frame.particle - 1];
      if (frame.groupCount < complex.groupMin) {
        this.#issue(
          'XSD_MISSING_ELEMENT',
          frame.name,
          undefined,
          `expected one of ${particles.map((p) => `<${p.name}>`).join(' ')}`,
        );
      } else if (current !== undefined && frame.count < current.min) {
        this.#issue('XSD_MISSING_ELEMENT', frame.name, undefined, `expected more <${current.name}>`);
      }
    }
  }

  #attributes(decl: ElementDecl, attributes: readonly string[], count: number): void {
    const complex = decl.complex;
    const declared = complex?.attributes;
    let present = 0;
    for (let i = 0; i < count; i++) {
      const key = attributes[i * 2] as string;
      if (key === 'xmlns' || key.startsWith('xmlns:') || key.startsWith('xml:')) {
        continue;
      }
      const colon = key.indexOf(':');
      if (colon !== -1 && this.#xsiPrefixes.has(key.slice(0, colon))) {
        continue;
      }
      const attribute: AttributeDecl | undefined = declared?.get(key);
      if (attribute === undefined) {
        this.#issue('XSD_ATTRIBUTE_UNKNOWN', decl.name, key);
        continue;
      }
      if (attribute.required) {
        present += 1;
      }
      this.#value(
        attribute.type,
        attributes[i * 2 + 1] as string,
        decl.name,
        key,
        attribute.typeName,
        attribute.fixed,
      );
    }
    if (complex !== undefined && present < complex.required.length) {
      for (const name of complex.required) {
        let found = false;
        for (let i = 0; i < count; i++) {
          if (attributes[i * 2] === name) {
            found = true;
            break;
          }
        }
        if (!found) {
          this.#issue('XSD_ATTRIBUTE_REQUIRED', decl.name, name);
        }
      }
    }
  }

  #value(
    type: ElementDecl['simple'],
    value: string,
    element: string,
    attribute: string | undefined,
    typeName: string,
    fixed: string | undefined,
  ): void {
    if (type === undefined) {
      return;
    }
    const problem = type.check(value);
    if (problem !== undefined) {
      this.#issue(problem, element, attribute, `type ${typeName}`);
    } else if (fixed !== undefined && type.check(fixed) === undefined && value.trim() !== fixed.trim()) {
      this.#issue('XSD_FIXED', element, attribute);
    }
  }

  #issue(code: FormatCode, element: string, attribute?: string, detail?: string): void {
    let path = '';
    for (const frame of this.#stack) {
      path +=
        frame.position === 1 && this.#stack[0] === frame
          ? `/${frame.name}`
          : `/${frame.name}[${frame.position}]`;
    }
    if (attribute !== undefined) {
      path += `/@${attribute}`;
    }
    const issue: XsdIssue = { line: this.#line(), path, code, rule: FORMAT_MESSAGES[code], element };
    if (attribute !== undefined) {
      issue.attribute = attribute;
    }
    if (detail !== undefined) {
      issue.detail = detail;
    }
    this.#report(issue);
  }
}

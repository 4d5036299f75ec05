/**
 * The portal and operation names a fault rule may name: those of the loaded portals' routes. A rule
 * naming anything else would never fire (the documented `token.exchange` never did; the route is
 * `token`), so it is refused with the valid names and the nearest one.
 */
import { SimulatorError } from '../errors.js';
import { nearest } from '../levenshtein.js';
import type { PortalDefinition } from '../types.js';

/** A SimulatorError whose `field` and `valid` the control API passes on in its 400 body. */
export type NamedFieldError = SimulatorError & { field: string; valid?: string[] };

export function fieldError(
  code: 'INVALID_RULE' | 'INVALID_SCENARIO' | 'UNKNOWN_PORTAL',
  field: string,
  message: string,
  valid?: string[],
): NamedFieldError {
  return Object.assign(new SimulatorError(code, message), valid === undefined ? { field } : { field, valid });
}

const quote = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * The valid name the caller most likely meant: one the input extends or abbreviates at a '.'
 * (`token.exchange` → `token`), else the nearest by edit distance.
 */
function suggestion(input: string, valid: readonly string[]): string {
  const related = valid
    .filter((name) => input.startsWith(`${name}.`) || name.startsWith(`${input}.`))
    .sort((a, b) => b.length - a.length);
  const closest = related[0] ?? nearest(input, valid);
  return closest === undefined ? '' : ` (did you mean ${JSON.stringify(closest)}?)`;
}

export class OperationCatalogue {
  /** portal name → its route operations, in declaration order. */
  readonly #operations = new Map<string, readonly string[]>();

  constructor(portals: readonly Pick<PortalDefinition, 'name' | 'routes'>[]) {
    for (const portal of portals) {
      this.#operations.set(portal.name, [...new Set(portal.routes.map((route) => route.operation))]);
    }
  }

  portals(): string[] {
    return [...this.#operations.keys()];
  }

  /** Every portal's operations: `{ esia: ['authorize', 'token', …], … }`. */
  table(): Record<string, string[]> {
    return Object.fromEntries([...this.#operations].map(([name, operations]) => [name, [...operations]]));
  }

  /** Throws UNKNOWN_PORTAL (field `portals`) for a name no loaded portal has. */
  assertPortals(names: readonly string[], field = 'portals'): void {
    const valid = this.portals();
    for (const name of names) {
      if (!this.#operations.has(name)) {
        throw fieldError(
          'UNKNOWN_PORTAL',
          field,
          `${field}: no loaded portal is named ${quote(name)}${suggestion(name, valid)}; valid portals: ${valid.join(', ')}`,
          valid,
        );
      }
    }
  }

  /**
   * Checks a rule's `portal` and `operation` against the loaded portals; throws INVALID_RULE naming
   * the field (with `prefix`, e.g. 'rules.0.') and listing the valid names.
   */
  assertRuleTargets(
    rule: { portal?: string | undefined; operation?: string | undefined },
    prefix = '',
  ): void {
    const { portal, operation } = rule;
    const portals = this.portals();
    if (portal !== undefined && !this.#operations.has(portal)) {
      throw fieldError(
        'INVALID_RULE',
        `${prefix}portal`,
        `invalid fault rule: ${prefix}portal: no loaded portal is named ${quote(portal)}${suggestion(portal, portals)}; valid portals: ${portals.join(', ')}`,
        portals,
      );
    }
    if (operation === undefined) {
      return;
    }
    if (portal !== undefined) {
      const valid = [...(this.#operations.get(portal) ?? [])];
      if (!valid.includes(operation)) {
        throw fieldError(
          'INVALID_RULE',
          `${prefix}operation`,
          `invalid fault rule: ${prefix}operation: portal ${quote(portal)} has no operation ${quote(operation)}${suggestion(operation, valid)}; its operations: ${valid.join(', ')}`,
          valid,
        );
      }
      return;
    }
    const owners = [...this.#operations].filter(([, operations]) => operations.includes(operation));
    if (owners.length === 0) {
      const valid = [...new Set([...this.#operations.values()].flat())];
      const listing = [...this.#operations]
        .map(([name, operations]) => `${name}: ${operations.join(', ')}`)
        .join('; ');
      throw fieldError(
        'INVALID_RULE',
        `${prefix}operation`,
        `invalid fault rule: ${prefix}operation: no loaded portal has an operation ${quote(operation)}${suggestion(operation, valid)}; operations by portal — ${listing}`,
        valid,
      );
    }
  }
}

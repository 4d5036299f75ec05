/**
 * `SimulatorOptions.data` split and checked before anything starts: roster keys go to the roster,
 * a loaded portal's name to that portal (validated by its schema), anything else is refused with
 * the keys that would be valid. Errors name the path: `data.esia.clients.0.certificatePem: …`.
 */
import { SimulatorError } from './errors.js';
import type {
  DemoData,
  PortalDefinition,
  RosterSource,
  SimulatorData,
  StandardSchemaIssue,
} from './types.js';

export interface SplitData {
  roster: Partial<DemoData> | undefined;
  /** Portal name → its validated slice. */
  slices: Map<string, unknown>;
}

function issuePath(issue: StandardSchemaIssue): string {
  return (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
    .join('.');
}

function validateSlice(portal: PortalDefinition, value: unknown): unknown {
  const spec = portal.data;
  if (spec === undefined) {
    throw new SimulatorError('INVALID_DATA', `data.${portal.name}: portal ${portal.name} takes no data`);
  }
  const result = spec.schema['~standard'].validate(value);
  if (result instanceof Promise) {
    throw new SimulatorError('INVALID_DATA', `data.${portal.name}: the portal's schema is asynchronous`);
  }
  if (result.issues !== undefined) {
    const [issue] = result.issues;
    const path = issue === undefined ? '' : issuePath(issue);
    throw new SimulatorError(
      'INVALID_DATA',
      `data.${portal.name}${path === '' ? '' : `.${path}`}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.value;
}

export function splitData(
  data: SimulatorData | undefined,
  portals: readonly PortalDefinition[],
  roster: RosterSource,
): SplitData {
  const slices = new Map<string, unknown>();
  if (data === undefined) {
    return { roster: undefined, slices };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SimulatorError('INVALID_DATA', 'data: expected an object');
  }
  const byName = new Map(portals.map((portal) => [portal.name, portal]));
  const rosterKeys = new Set(roster.keys);
  const rosterPart: Record<string, unknown> = {};
  let hasRoster = false;
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value === undefined) {
      continue;
    }
    if (rosterKeys.has(key)) {
      rosterPart[key] = value;
      hasRoster = true;
      continue;
    }
    const portal = byName.get(key);
    if (portal === undefined) {
      const valid = [...roster.keys, ...portals.filter((item) => item.data).map((item) => item.name)];
      throw new SimulatorError(
        'INVALID_DATA',
        `data.${key}: not a roster key or a loaded portal that takes data; valid keys: ${valid.join(', ')}`,
      );
    }
    slices.set(key, validateSlice(portal, value));
  }
  return { roster: hasRoster ? (rosterPart as Partial<DemoData>) : undefined, slices };
}

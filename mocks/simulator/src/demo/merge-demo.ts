import { SimulatorError } from '../engine/errors.js';
import type { DemoData } from '../engine/types.js';
import { findIdentifierIssue } from './identifier-checks.js';

/**
 * Applies `options.data` over generated data (per top-level key) and checks identifiers pass their
 * rules (checksums) and ids stay unique and linked.
 */
export function mergeDemoData(generated: DemoData, override: Partial<DemoData> | undefined): DemoData {
  if (!override) {
    return generated;
  }
  const identifierIssue = findIdentifierIssue(override);
  if (identifierIssue !== undefined) {
    throw new SimulatorError('INVALID_DATA', `demo data: ${identifierIssue}`);
  }
  const data: DemoData = { ...generated, ...structuredClone(override) };
  const ids = new Set<string>();
  const oids = new Set<string>();
  for (const persona of data.personas) {
    if (!persona || typeof persona.id !== 'string' || ids.has(persona.id)) {
      throw new SimulatorError(
        'INVALID_DATA',
        `demo data: persona id ${JSON.stringify(persona?.id)} is missing or repeated`,
      );
    }
    if (oids.has(persona.oid)) {
      throw new SimulatorError('INVALID_DATA', `demo data: persona oid of ${persona.id} is repeated`);
    }
    ids.add(persona.id);
    oids.add(persona.oid);
  }
  for (const schoolClass of data.classes) {
    const missing = [schoolClass.teacherId, ...schoolClass.studentIds].find((id) => !ids.has(id));
    if (missing !== undefined) {
      throw new SimulatorError(
        'INVALID_DATA',
        `demo data: class ${schoolClass.name} refers to unknown persona ${missing}`,
      );
    }
  }
  return data;
}

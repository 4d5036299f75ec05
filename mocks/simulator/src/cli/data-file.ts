/**
 * Reads the `--data` file (JSON or YAML). Checking it is createSimulator()'s job: roster keys against
 * the roster's rules, each portal's key against that portal's schema — so the file is validated
 * against the portals actually loaded, the same way `createSimulator({ data })` is.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SimulatorError } from '../engine/errors.js';
import type { SimulatorData } from '../engine/types.js';

/** The file cannot be read or parsed (what it holds is checked by createSimulator: INVALID_DATA). */
export class DataFileError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'DataFileError';

  constructor(message: string) {
    super('INVALID_DATA', message);
  }
}

/** Reads a JSON or YAML data file; errors name the file. */
export async function loadDataFile(file: string): Promise<SimulatorData> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataFileError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let raw: unknown;
  try {
    const extension = extname(file).toLowerCase();
    if (extension === '.yaml' || extension === '.yml') {
      const { parse } = await import('yaml');
      raw = parse(text);
    } else {
      raw = JSON.parse(text);
    }
  } catch (error) {
    throw new DataFileError(
      `${file} is not valid JSON/YAML: ${error instanceof Error ? error.message.split('\n')[0] : ''}`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DataFileError(`${file}: (root): expected an object of roster and portal keys`);
  }
  return raw as SimulatorData;
}

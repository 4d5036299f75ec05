#!/usr/bin/env node
// The e-diary data schemas (schemas/ediary-data.xsd, schemas/ediary-data.schema.json) are shipped as
// files and embedded in src/generated/ediary-schemas.ts, so the client checks files against exactly
// the published schemas without reading files at run time (ESM, CJS and bundlers alike).
// `--check` fails when the module is out of date.
//   node scripts/embed-ediary-schemas.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const xsd = readFileSync(join(root, 'schemas/ediary-data.xsd'), 'utf8');
const json = JSON.parse(readFileSync(join(root, 'schemas/ediary-data.schema.json'), 'utf8'));
const target = join(root, 'src/generated/ediary-schemas.ts');

const text = `// Generated from schemas/ediary-data.xsd and schemas/ediary-data.schema.json by
// scripts/embed-ediary-schemas.mjs — do not edit; run \`pnpm generate\`.
/** The XSD of e-diary data files (goskit's own format, version 1). */
export const EDIARY_DATA_XSD: string = ${JSON.stringify(xsd)};

/** The JSON Schema (draft 2020-12) of e-diary data files (goskit's own format, version 1). */
export const EDIARY_DATA_JSON_SCHEMA: Record<string, unknown> = ${JSON.stringify(json, null, 2)};
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(
      'src/generated/ediary-schemas.ts is out of date: run `pnpm generate` in packages/gosuslugi',
    );
    process.exit(1);
  }
  console.log('src/generated/ediary-schemas.ts is up to date');
} else {
  writeFileSync(target, text);
  console.log('wrote src/generated/ediary-schemas.ts');
}

#!/usr/bin/env node
// One OpenAPI file per portal is the single source of its contract. From it this script writes what
// must not be edited by hand: the simulator's contract modules (the parsed document as a TS module, so
// the engine needs no YAML parser at runtime) and the client's tables carried as `x-goskit-*`
// extensions. `--check` writes nothing and fails when a generated file is stale (CI).
// Client types come from openapi-typescript in each client package's own `generate` script.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const simulator = join(root, 'mocks', 'simulator');

/** The generated files: path → content. */
const outputs = new Map();

function header(source) {
  return `// Generated from ${relative(root, source)} by scripts/generate-contracts.mjs — do not edit; run \`pnpm generate\`.`;
}

/** Generated files are JSON literals, excluded from Biome (like src/generated). */
function literal(value) {
  return JSON.stringify(value, null, 2);
}

const manifest = JSON.parse(readFileSync(join(simulator, 'contracts.json'), 'utf8'));
for (const entry of manifest.contracts) {
  const source = join(simulator, entry.source);
  const document = parse(readFileSync(source, 'utf8'));
  outputs.set(
    join(simulator, entry.module),
    `${header(source)}\nexport const ${entry.export}: Record<string, unknown> = ${literal(document)};\n`,
  );
}

// ESIA's scope → resource table, for the client (the simulator reads it from its contract module).
const esiaSource = join(root, 'packages', 'gosuslugi', 'openapi', 'esia.yaml');
const scopes = parse(readFileSync(esiaSource, 'utf8'))['x-goskit-resource-scopes'];
if (scopes === undefined) {
  console.error(`generate-contracts: ${relative(root, esiaSource)} has no x-goskit-resource-scopes`);
  process.exit(1);
}
outputs.set(
  join(root, 'packages', 'gosuslugi', 'src', 'generated', 'esia-resource-scopes.ts'),
  `${header(esiaSource)}\n/** Which scopes open which ESIA REST resource (any one suffices): \`x-goskit-resource-scopes\`. */\nexport const ESIA_RESOURCE_SCOPES = ${literal(scopes)} as const;\n`,
);

let stale = 0;
for (const [file, content] of outputs) {
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === content) {
    continue;
  }
  if (check) {
    stale += 1;
    console.error(`generate-contracts: ${relative(root, file)} is stale — run pnpm generate`);
  } else {
    writeFileSync(file, content);
    console.log(`generate-contracts: wrote ${relative(root, file)}`);
  }
}
if (stale > 0) {
  process.exit(1);
}
if (check) {
  console.log(`generate-contracts: ${outputs.size} generated files are up to date`);
}

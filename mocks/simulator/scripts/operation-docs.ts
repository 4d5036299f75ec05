/**
 * Operation names are what fault rules, custom scenarios and journal patterns match on, so the docs
 * must name them exactly as the routes do (docs/engine.md once showed `token.exchange`, which never
 * fired: ESIA's route is `token`). This script writes docs/operations.md from the built-in portals'
 * route lists, and checks every `portal: '<built-in>', operation: '<name>'` pair and every
 * Operation column of docs/<portal>-portal.md against them. `--check` writes nothing and fails on
 * drift (CI runs it through `pnpm generate:check`); without it, it rewrites docs/operations.md.
 *
 * Run: `pnpm --filter @goskit/simulator generate` (tsx, with the repository's tsconfig paths so the
 * sources load without a build).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PortalDefinition } from '../src/engine/types.js';
import { builtInPortals } from '../src/portals/index.js';

export const OPERATIONS_DOC = 'mocks/simulator/docs/operations.md';

const HEADER = `<!-- Generated from the built-in portals' route lists by mocks/simulator/scripts/operation-docs.ts — do not edit; run \`pnpm generate\`. -->`;

/** The operation table of every portal, as docs/operations.md holds it. */
export function renderOperationsDoc(portals: readonly PortalDefinition[]): string {
  const sections = portals.map((portal) => {
    const rows = portal.routes.map(
      (route) => `| \`${route.operation}\` | \`${route.method.toUpperCase()} ${route.path}\` |`,
    );
    const control = (portal.controlRoutes ?? []).map(
      (route) => `\`${route.method.toUpperCase()} /__goskit${portal.prefix}${route.path}\``,
    );
    return [
      `## \`${portal.name}\` — ${portal.title}`,
      '',
      `Prefix \`${portal.prefix}\`; hosts ${portal.hosts.map((host) => `\`${host}\``).join(', ')}.`,
      '',
      '| operation | route |',
      '| --- | --- |',
      ...rows,
      ...(control.length === 0
        ? []
        : ['', `Control routes (not journaled, faulted or rate-limited): ${control.join(', ')}.`]),
    ].join('\n');
  });
  return `${HEADER}

# Operation names of the built-in portals

The names fault rules (\`addRule({ portal, operation })\`), custom scenarios and journal patterns
(\`journal.verify(1, { portal, operation })\`) match on — one per route. A rule naming an operation that
no loaded portal has is refused with the valid names, so a typo never silently fails to fire.
Requests that match no route are journaled as \`(unmatched)\`. Your own portals' names come from their
\`routes\`; \`GET /__goskit/portals\` lists the loaded portals' routes with their operations.

${sections.join('\n\n')}
`;
}

export interface Mention {
  file: string;
  line: number;
  portal: string;
  operation: string;
}

/** `portal: 'esia', operation: 'token'` pairs (either order, one object literal) in a text. */
export function mentionsIn(file: string, text: string): Mention[] {
  const found: Mention[] = [];
  const pair =
    /portal:\s*['"]([\w-]+)['"][^{}()]{0,160}?operation:\s*['"]([^'"]+)['"]|operation:\s*['"]([^'"]+)['"][^{}()]{0,160}?portal:\s*['"]([\w-]+)['"]/g;
  for (const match of text.matchAll(pair)) {
    const line = text.slice(0, match.index).split('\n').length;
    const portal = (match[1] ?? match[4]) as string;
    const operation = (match[2] ?? match[3]) as string;
    found.push({ file, line, portal, operation });
  }
  return found;
}

/** Operation names in the "Operation" column of a portal doc's tables (`authorize`, `login.page`, …). */
export function tableOperations(text: string): { line: number; operation: string }[] {
  const found: { line: number; operation: string }[] = [];
  let column = -1;
  for (const [index, row] of text.split('\n').entries()) {
    if (!row.startsWith('|')) {
      column = -1;
      continue;
    }
    const cells = row.split('|').map((cell) => cell.trim());
    if (column === -1) {
      column = cells.findIndex((cell) => /^operation$/i.test(cell));
      continue;
    }
    const cell = cells[column];
    if (cell === undefined || /^-+$/.test(cell.replace(/:/g, ''))) {
      continue;
    }
    for (const name of cell.matchAll(/`([^`]+)`/g)) {
      found.push({ line: index + 1, operation: name[1] as string });
    }
  }
  return found;
}

/** Problems: a mention of a built-in portal's operation that the portal does not have. */
export function checkMentions(
  portals: readonly PortalDefinition[],
  files: readonly { file: string; text: string }[],
): string[] {
  const operations = new Map(
    portals.map((portal) => [portal.name, new Set(portal.routes.map((r) => r.operation))]),
  );
  const problems: string[] = [];
  const complain = (file: string, line: number, portal: string, operation: string) => {
    const valid = [...(operations.get(portal) ?? [])];
    problems.push(
      `${file}:${line}: portal ${portal} has no operation ${JSON.stringify(operation)} (its operations: ${valid.join(', ')})`,
    );
  };
  for (const { file, text } of files) {
    for (const mention of mentionsIn(file, text)) {
      if (operations.get(mention.portal)?.has(mention.operation) === false) {
        complain(file, mention.line, mention.portal, mention.operation);
      }
    }
    const docPortal = /(?:^|\/)([a-z0-9]+)-portal\.md$/.exec(file)?.[1];
    const own = docPortal === undefined ? undefined : operations.get(docPortal);
    if (docPortal !== undefined && own !== undefined) {
      for (const { line, operation } of tableOperations(text)) {
        if (!own.has(operation)) {
          complain(file, line, docPortal, operation);
        }
      }
    }
  }
  return problems;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function* filesUnder(dir: string, extensions: RegExp): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) {
      continue;
    }
    if (statSync(path).isDirectory()) {
      yield* filesUnder(path, extensions);
    } else if (extensions.test(name)) {
      yield path;
    }
  }
}

/** The docs and sources whose examples name operations: markdown everywhere, the simulator's JSDoc. */
export function repositoryFiles(): { file: string; text: string }[] {
  const paths = [
    ...filesUnder(join(root, 'docs'), /\.md$/),
    ...filesUnder(join(root, 'mocks', 'simulator', 'docs'), /\.md$/),
    join(root, 'mocks', 'simulator', 'README.md'),
    ...filesUnder(join(root, 'mocks', 'simulator', 'src'), /\.ts$/),
    ...filesUnder(join(root, 'packages'), /^README\.md$/),
    ...filesUnder(join(root, 'examples'), /^README\.md$/),
  ];
  return paths.map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));
}

function main(): void {
  const check = process.argv.includes('--check');
  const portals = builtInPortals();
  const target = join(root, OPERATIONS_DOC);
  const wanted = renderOperationsDoc(portals);
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  const problems = checkMentions(portals, repositoryFiles());
  if (current !== wanted) {
    if (check) {
      problems.unshift(`${OPERATIONS_DOC} is stale: run \`pnpm generate\``);
    } else {
      writeFileSync(target, wanted);
      process.stdout.write(`operation-docs: wrote ${OPERATIONS_DOC}\n`);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(`operation-docs:\n  ${problems.join('\n  ')}\n`);
    process.exit(1);
  }
  if (check) {
    process.stdout.write('operation-docs: operation names in the docs match the portals\n');
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main();
}

#!/usr/bin/env node
// What a user installs, checked as a user would meet it. Run after `pnpm build`:
// 1. `pnpm pack` every publishable package (workspace ranges become real versions, `files` decides
//    what ships) and each tarball stays within its packed-size budget;
// 2. every relative link in a shipped text file (README, docs, openapi, .d.ts) must resolve inside
//    the tarball; mentions of paths outside the repository (shared/reference) are reported;
// 3. the tarballs are installed with npm into a scratch app in a temp dir outside the workspace
//    (third-party dependencies from the registry, cache first);
// 4. every entry and subpath export is smoke-tested there: ESM import, CJS require, error class names
//    in both builds, errors of the CJS build recognised by the ESM guards, and the types under
//    `module: node16` (.mts and .cts consumers, skipLibCheck off) and `moduleResolution: bundler`.
// CPU ≈ 40 s (pack, npm install from the cache, two tsc programs side by side); wall time grows with
// the machine's load.
// Prints each thing it checked; exits 1 when one fails. `--keep` leaves the temp dir for a look.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const keep = process.argv.includes('--keep');
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'goskit-tarballs-'));
const failures = [];
const warnings = [];

const ok = (what) => console.log(`  ✓ ${what}`);
const fail = (what, detail = '') => {
  failures.push(what);
  console.log(`  ✗ ${what}${detail ? `\n      ${detail.split('\n').join('\n      ')}` : ''}`);
};
const warn = (what) => {
  warnings.push(what);
  console.log(`  ! ${what}`);
};
const section = (title) =>
  console.log(`\n── ${title} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** `run`, without blocking: independent steps (packing, the two type checks) go side by side. */
function runAsync(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => resolvePromise({ status: 1, output: String(error) }));
    child.on('close', (status) => resolvePromise({ status: status ?? 1, output: output.trim() }));
  });
}

/** Publishable packages: every non-private package under packages/ and mocks/. */
function publishable() {
  const found = [];
  for (const group of ['packages', 'mocks']) {
    const base = join(root, group);
    if (!existsSync(base)) {
      continue;
    }
    for (const name of readdirSync(base)) {
      const manifestPath = join(base, name, 'package.json');
      if (!existsSync(manifestPath)) {
        continue;
      }
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (!manifest.private) {
        found.push({ dir: join(base, name), manifest });
      }
    }
  }
  return found;
}

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      files.push(...walk(path));
    } else {
      files.push(path);
    }
  }
  return files;
}

const TEXT = /\.(md|markdown|ya?ml|d\.c?ts|d\.mts|json|txt)$/i;
const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\bhref="([^"]+)"|\$ref:\s*['"]?([^'"\s#][^'"\s]*)/g;
const OUTSIDE = /(?:\.\.\/)+shared\/|\bshared\/reference\b/;

/** Relative links of the shipped text files must resolve inside the package. */
function checkLinks(name, packageDir) {
  let links = 0;
  let broken = 0;
  for (const file of walk(packageDir).filter((path) => TEXT.test(path))) {
    const text = readFileSync(file, 'utf8');
    const shown = relative(packageDir, file);
    for (const match of text.matchAll(LINK)) {
      const target = match[1] ?? match[2] ?? match[3] ?? '';
      if (target === '' || /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target)) {
        continue; // absolute URL, mailto:, in-page anchor
      }
      links += 1;
      const path = decodeURIComponent(target.split('#')[0].split('?')[0]);
      const resolved = resolve(dirname(file), path);
      if (!resolved.startsWith(packageDir) || !existsSync(resolved)) {
        broken += 1;
        fail(`${name}: ${shown} links to ${target}, which is not in the tarball`);
      }
    }
    const outside = OUTSIDE.exec(text);
    if (outside) {
      warn(`${name}: ${shown} mentions ${outside[0]} — a path outside the repository`);
    }
  }
  if (broken === 0) {
    ok(`${name}: ${links} relative link(s) in shipped files resolve inside the tarball`);
  }
}

// Packed size budgets, about a fifth above the sizes of 2026-12: a tarball that jumps past its budget
// usually ships something by mistake (source maps, fixtures, a second copy of a bundle).
const DEFAULT_TARBALL_BUDGET_KB = 300;
const TARBALL_BUDGET_KB = {
  '@goskit/core': 280,
  '@goskit/crypto': 360,
  '@goskit/gospochta': 490,
  '@goskit/gosuslugi': 390,
  '@goskit/paragraf': 290,
  '@goskit/redis': 140,
  '@goskit/sferum': 570,
  '@goskit/validation': 270,
  // The goskit-sim bin is a self-contained bundle beside the library build (decision 086): +450 kB.
  '@goskit/simulator': 1400,
};

// ── 1. pack
section('pack');
const tarballDir = join(work, 'tarballs');
const unpackedDir = join(work, 'unpacked');
mkdirSync(tarballDir);
mkdirSync(unpackedDir);
const packages = [];
const toPack = publishable().filter(({ dir, manifest }) => {
  if (!existsSync(join(dir, 'dist'))) {
    fail(`${manifest.name}: dist/ missing — run pnpm build first`);
    return false;
  }
  return true;
});
const packResults = await Promise.all(
  toPack.map(({ dir, manifest }) => {
    // One destination per package: the tarball found there is this package's.
    const destination = join(tarballDir, manifest.name.replace('/', '+'));
    mkdirSync(destination);
    return runAsync('pnpm', ['pack', '--pack-destination', destination], { cwd: dir }).then((packed) => ({
      manifest,
      destination,
      packed,
    }));
  }),
);
for (const { manifest, destination, packed } of packResults) {
  const tarball = readdirSync(destination).find((file) => file.endsWith('.tgz'));
  if (packed.status !== 0 || tarball === undefined) {
    fail(`${manifest.name}: pnpm pack failed`, packed.output);
    continue;
  }
  const into = join(unpackedDir, manifest.name.replace('/', '+'));
  mkdirSync(into);
  execFileSync('tar', ['-xzf', join(destination, tarball), '-C', into]);
  const packageDir = join(into, 'package');
  const shipped = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const sizeKb = statSync(join(destination, tarball)).size / 1024;
  const budgetKb = TARBALL_BUDGET_KB[manifest.name] ?? DEFAULT_TARBALL_BUDGET_KB;
  const sized = `${manifest.name}: ${tarball} (${sizeKb.toFixed(1)} kB packed, budget ${budgetKb} kB)`;
  if (sizeKb <= budgetKb) {
    ok(sized);
  } else {
    fail(sized, 'check what ships (files in package.json), or raise the budget with a reason');
  }
  packages.push({ name: manifest.name, tarball: join(destination, tarball), packageDir, manifest: shipped });
}

// ── 2. shipped files
section('shipped files');
for (const pkg of packages) {
  const { manifest, packageDir, name } = pkg;
  if (existsSync(join(packageDir, 'LICENSE'))) {
    ok(`${name}: LICENSE ships`);
  } else {
    fail(`${name}: no LICENSE in the tarball`);
  }
  const missing = ['repository', 'homepage', 'bugs'].filter((field) => manifest[field] === undefined);
  if (missing.length > 0 || manifest.repository?.directory === undefined) {
    fail(`${name}: package.json lacks ${[...missing, 'repository.directory'].join(', ')}`);
  } else {
    ok(`${name}: repository (${manifest.repository.directory}), homepage, bugs`);
  }
  const workspaceRanges = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(
    ([, range]) => String(range).startsWith('workspace:'),
  );
  if (workspaceRanges.length > 0) {
    fail(
      `${name}: workspace: ranges left in the packed manifest: ${workspaceRanges.map(([dep]) => dep).join(', ')}`,
    );
  }
  const goskitRanges = Object.entries(manifest.dependencies ?? {}).filter(([dep]) =>
    dep.startsWith('@goskit/'),
  );
  const exact = goskitRanges.filter(([, range]) => /^\d/.test(String(range)));
  if (exact.length > 0) {
    fail(
      `${name}: pins ${exact.map(([dep, range]) => `${dep}@${range}`).join(', ')} exactly; goskit packages use a caret range`,
    );
  } else if (goskitRanges.length > 0) {
    ok(
      `${name}: goskit dependencies by caret range (${goskitRanges.map(([dep, range]) => `${dep}@${range}`).join(', ')})`,
    );
  }
  checkLinks(name, packageDir);
}

// ── 3. install into a scratch app outside the workspace
function simulatorPeer(name) {
  const simulator = packages.find((pkg) => pkg.name === '@goskit/simulator');
  return simulator?.manifest.peerDependencies?.[name] ?? 'latest';
}
section('install');
const app = join(work, 'app');
mkdirSync(app);
writeFileSync(
  join(app, 'package.json'),
  `${JSON.stringify(
    {
      name: 'goskit-scratch-app',
      private: true,
      dependencies: {
        ...Object.fromEntries(packages.map((pkg) => [pkg.name, `file:${pkg.tarball}`])),
        // The simulator's optional peer, as a user of @goskit/simulator/msw installs it.
        msw: simulatorPeer('msw'),
      },
    },
    null,
    2,
  )}\n`,
);
const install = run(
  'npm',
  ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
  { cwd: app },
);
if (install.status !== 0) {
  fail('npm install of the tarballs', install.output);
} else {
  ok(`npm installed ${packages.length} tarballs into ${app}`);
}

// ── 4. entries: runtime (ESM + CJS) and types
/** Every subpath export of a package: JS entries (with import/require) and plain files. */
function entriesOf(pkg) {
  const js = [];
  const files = [];
  for (const [key, target] of Object.entries(pkg.manifest.exports ?? { '.': pkg.manifest.main })) {
    const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.replace(/^\.\//, '')}`;
    if (typeof target === 'string') {
      files.push({ specifier, path: target });
    } else {
      js.push({ specifier, conditions: Object.keys(target), target });
    }
  }
  return { js, files };
}

const entries = packages.map((pkg) => ({ pkg, ...entriesOf(pkg) }));
const jsEntries = entries.flatMap(({ js }) => js);

if (install.status === 0) {
  section('runtime: ESM import and CJS require of every entry');
  writeFileSync(
    join(app, 'smoke.mjs'),
    `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const entries = ${JSON.stringify(jsEntries.map((entry) => entry.specifier))};
const files = ${JSON.stringify(entries.flatMap(({ files }) => files.map((file) => file.specifier)))};
const results = [];
const report = (ok, what, detail = '') => results.push({ ok, what, detail });
const isErrorClass = (value) => typeof value === 'function' && value.prototype instanceof Error;
/** Builds an instance the way the package would throw one: constructors differ, so try the usual shapes. */
function construct(Class) {
  const details = { status: 500, method: 'get', url: 'https://x.example/', kind: 'total', timeoutMs: 1, limit: 1, reason: 'status', issues: [], retryAfterMs: 1 };
  for (const args of [[details], ['SOME_CODE', 'message', {}], ['message'], ['resource', ['scope']], ['method', 'user', ['community']], ['prepare', 'message'], [[]], []]) {
    try {
      const instance = new Class(...args);
      if (instance instanceof Error) return instance;
    } catch {}
  }
  return undefined;
}
for (const specifier of entries) {
  let esm;
  let cjs;
  try {
    esm = await import(specifier);
    report(Object.keys(esm).length > 0, specifier + ': ESM import', Object.keys(esm).length + ' exports');
  } catch (error) {
    report(false, specifier + ': ESM import', String(error?.stack ?? error));
  }
  try {
    cjs = require(specifier);
    report(Object.keys(cjs).length > 0, specifier + ': CJS require', Object.keys(cjs).length + ' exports');
  } catch (error) {
    report(false, specifier + ': CJS require', String(error?.stack ?? error));
  }
  if (!esm || !cjs) continue;
  const esmNames = Object.keys(esm).filter((name) => name !== 'default').sort();
  const cjsNames = Object.keys(cjs).filter((name) => name !== 'default' && name !== '__esModule').sort();
  const onlyOne = esmNames.filter((n) => !cjsNames.includes(n)).concat(cjsNames.filter((n) => !esmNames.includes(n)));
  report(onlyOne.length === 0, specifier + ': ESM and CJS export the same names', onlyOne.join(', '));
  const classes = esmNames.filter((name) => isErrorClass(esm[name]));
  const renamed = classes.flatMap((name) =>
    [['ESM', esm[name]], ['CJS', cjs[name]]].filter(([, cls]) => cls?.name !== name).map(([format, cls]) => format + ' ' + name + '.name = ' + JSON.stringify(cls?.name)),
  );
  if (classes.length > 0) {
    report(renamed.length === 0, specifier + ': ' + classes.length + ' error class names kept in both builds', renamed.join('; '));
  }
  // An error thrown by the CJS build, checked by the ESM build's instanceof and guards.
  const guards = esmNames.filter((name) => /^is[A-Z]\\w*Error$/.test(name) && typeof esm[name] === 'function');
  const crossed = [];
  for (const guard of guards) {
    const className = guard.slice(2);
    const Foreign = cjs[className];
    if (!isErrorClass(Foreign)) continue;
    const instance = construct(Foreign);
    if (instance === undefined) {
      crossed.push(guard + ' (could not construct ' + className + ')');
      continue;
    }
    if (esm[guard](instance) !== true || !(instance instanceof esm[className])) crossed.push(guard);
  }
  if (guards.length > 0) {
    report(crossed.length === 0, specifier + ': ESM guards recognise CJS-thrown errors (' + guards.length + ' guards)', crossed.join(', '));
  }
}
// A real throw across the builds: the ESM transport, an error constructed by CJS core.
try {
  const esmCore = await import('@goskit/core');
  const cjsCore = require('@goskit/core');
  const error = new cjsCore.RateLimitError({ status: 429, method: 'get', url: 'https://x.example/', retryAfterMs: 1, reason: 'status' });
  report(
    esmCore.isGoskitError(error) && esmCore.isHttpError(error) && esmCore.isRateLimitError(error) && !esmCore.isNetworkError(error) && error.name === 'RateLimitError',
    '@goskit/core: a RateLimitError built by the CJS build passes the ESM isGoskitError/isHttpError/isRateLimitError, and nothing else',
  );
} catch (error) {
  report(false, '@goskit/core: cross-build error', String(error?.stack ?? error));
}
for (const specifier of files) {
  try {
    const viaRequire = require.resolve(specifier);
    const viaImport = import.meta.resolve(specifier);
    report(Boolean(viaRequire && viaImport), specifier + ': resolves for require and import');
  } catch (error) {
    report(false, specifier + ': resolves', String(error?.message ?? error));
  }
}
console.log(JSON.stringify(results));
`,
  );
  const smoke = run(process.execPath, ['smoke.mjs'], { cwd: app });
  const lastLine = smoke.output.split('\n').at(-1) ?? '';
  let results;
  try {
    results = JSON.parse(lastLine);
  } catch {
    fail('runtime smoke test', smoke.output);
  }
  for (const result of results ?? []) {
    if (result.ok) {
      ok(
        `${result.what}${result.detail && !result.detail.includes('\n') && result.detail.length < 60 ? ` (${result.detail})` : ''}`,
      );
    } else {
      fail(result.what, result.detail);
    }
  }

  // The browser condition and the CLI: files present, the CLI answers --help.
  for (const { pkg } of entries) {
    for (const [key, target] of Object.entries(pkg.manifest.exports ?? {})) {
      if (typeof target === 'object' && target.browser) {
        const paths = Object.values(target.browser);
        const absent = paths.filter((path) => !existsSync(join(app, 'node_modules', pkg.name, path)));
        if (absent.length === 0) {
          ok(
            `${pkg.name}${key === '.' ? '' : `/${key.slice(2)}`}: browser condition files present (${paths.join(', ')})`,
          );
        } else {
          fail(`${pkg.name}: browser condition files missing: ${absent.join(', ')}`);
        }
      }
    }
    for (const [bin, path] of Object.entries(pkg.manifest.bin ?? {})) {
      const help = run(process.execPath, [join(app, 'node_modules', pkg.name, path), '--help'], { cwd: app });
      if (help.status === 0 && /usage/i.test(help.output)) {
        ok(`${pkg.name}: bin ${bin} --help runs`);
      } else {
        fail(`${pkg.name}: bin ${bin} --help`, help.output.slice(0, 2000));
      }
    }
  }

  section('types: module node16 (.mts, .cts; skipLibCheck off) and moduleResolution bundler');
  const importsOf = (kind) =>
    jsEntries
      .filter((entry) =>
        entry.conditions.some((condition) => ['types', 'import', 'require', 'default'].includes(condition)),
      )
      .map((entry, index) => `import * as entry${index} from '${entry.specifier}';`)
      .join('\n') +
    `\nexport const entries = [${jsEntries.map((_, index) => `entry${index}`).join(', ')}];\n` +
    // A few uses, so the checker looks into the declarations a user touches first.
    `import { type ClientOptions, createTransport, isGoskitError } from '@goskit/core';
const options: ClientOptions = { clock: { now: () => 0 }, timeout: 1000, maxResponseBytes: 1024 };
export const used${kind} = [createTransport, isGoskitError, options];\n`;
  writeFileSync(join(app, 'consumer.mts'), importsOf('Mts'));
  writeFileSync(join(app, 'consumer.cts'), importsOf('Cts'));
  writeFileSync(join(app, 'consumer-bundler.ts'), importsOf('Bundler'));
  const common = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
  };
  writeFileSync(
    join(app, 'tsconfig.node16.json'),
    JSON.stringify({
      compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16' },
      files: ['consumer.mts', 'consumer.cts'],
    }),
  );
  writeFileSync(
    join(app, 'tsconfig.bundler.json'),
    JSON.stringify({
      // The node16 program already reads every declaration with skipLibCheck off (both the .d.ts and
      // the .d.cts files); here what matters is resolution through the export conditions.
      compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true },
      files: ['consumer-bundler.ts'],
    }),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const checks = [
    ['tsconfig.node16.json', `.mts and .cts consumers, module node16, ${jsEntries.length} entries`],
    ['tsconfig.bundler.json', `moduleResolution bundler, ${jsEntries.length} entries (skipLibCheck on)`],
  ];
  const outcomes = await Promise.all(
    checks.map(([config]) =>
      runAsync(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: app }),
    ),
  );
  for (const [index, [, what]] of checks.entries()) {
    const { status, output } = outcomes[index];
    // skipLibCheck is off, so the checker also reads third-party declarations; their own faults are
    // reported, not charged to goskit. An error in a goskit file or in the consumer fails the check.
    const lines = output.split('\n').filter((line) => /error TS\d+/.test(line));
    const thirdParty = lines.filter(
      (line) => line.startsWith('node_modules/') && !line.startsWith('node_modules/@goskit/'),
    );
    const ours = lines.filter((line) => !thirdParty.includes(line));
    if (status !== 0 && lines.length === 0) {
      fail(`tsc: ${what}`, output.split('\n').slice(0, 30).join('\n'));
    } else if (ours.length > 0) {
      fail(`tsc: ${what}`, ours.slice(0, 30).join('\n'));
    } else {
      ok(`tsc: ${what}`);
    }
    const byPackage = new Map();
    for (const line of thirdParty) {
      const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(line)?.[1] ?? '?';
      byPackage.set(name, [...(byPackage.get(name) ?? []), line]);
    }
    for (const [name, errors] of byPackage) {
      warn(
        `tsc (${config(index)}): ${errors.length} error(s) inside ${name}'s own declarations, e.g. ${errors[0]}`,
      );
    }
  }
  function config(index) {
    return checks[index][0].replace('tsconfig.', '').replace('.json', '');
  }
}

// ── done
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (keep) {
  console.log(`\nscratch app kept in ${work}`);
} else {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `\ncheck-tarballs: ${packages.length} package(s), ${failures.length} failure(s), ${warnings.length} warning(s), ${seconds} s`,
);
if (failures.length > 0) {
  process.exit(1);
}

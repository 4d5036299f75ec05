#!/usr/bin/env node
// The CommonJS declarations of a package must not import an ES module: TypeScript refuses that in a
// `.cts` consumer under module node16 (TS1479) unless skipLibCheck hides it — and it hid ky's and
// jose's imports in our dist/index.d.cts until a user turned skipLibCheck off. attw cannot see it:
// it checks a package's own files and skips imports of other packages by design ("a reference to
// something we'd have to npm install"). This probe resolves every bare import of every `.d.cts` the
// way the compiler does for a CommonJS file and fails when it lands on an ES module.
// Usage: node scripts/check-cjs-types.mjs <package dir>…   (after `pnpm build`)
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const options = { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 };
const host = { ...ts.sys, realpath: (path) => realpathSync(path) };
const cache = ts.createModuleResolutionCache(process.cwd(), (name) => name, options);

function declarationFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      files.push(...declarationFiles(path));
    } else if (path.endsWith('.d.cts')) {
      files.push(path);
    }
  }
  return files;
}

/** Bare import specifiers of a declaration file, with whether each names a resolution mode. */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
        ? node.moduleSpecifier
        : ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
          ? node.argument.literal
          : undefined;
    if (specifier && ts.isStringLiteral(specifier) && !specifier.text.startsWith('.')) {
      const attributes = node.attributes ?? node.assertions;
      const explicitMode = Boolean(attributes?.getText(source).includes('resolution-mode'));
      found.push({
        specifier: specifier.text,
        explicitMode,
        line: source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Problems of one package directory: `file:line imports 'x', an ES module (…)`. */
export function checkCjsTypes(packageDir) {
  const problems = [];
  let imports = 0;
  for (const file of declarationFiles(join(packageDir, 'dist'))) {
    for (const { specifier, explicitMode, line } of importsOf(file)) {
      imports += 1;
      if (explicitMode) {
        continue; // `with { 'resolution-mode': 'import' }` is the sanctioned way
      }
      if (isBuiltin(specifier)) {
        continue; // typed by the consumer's @types/node, which declares every built-in for require too
      }
      const resolved = ts.resolveModuleName(
        specifier,
        file,
        options,
        host,
        cache,
        undefined,
        ts.ModuleKind.CommonJS,
      ).resolvedModule;
      if (!resolved) {
        problems.push(
          `${relative(packageDir, file)}:${line} imports '${specifier}', which does not resolve for require`,
        );
        continue;
      }
      const format = ts.getImpliedNodeFormatForFile(
        resolved.resolvedFileName,
        cache.getPackageJsonInfoCache(),
        host,
        options,
      );
      if (format === ts.ModuleKind.ESNext) {
        problems.push(
          `${relative(packageDir, file)}:${line} imports '${specifier}', an ES module (${resolved.resolvedFileName}): a .cts consumer gets TS1479`,
        );
      }
    }
  }
  return { problems, imports };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let failed = 0;
  for (const dir of process.argv.slice(2)) {
    const { problems, imports } = checkCjsTypes(dir);
    for (const problem of problems) {
      console.error(`✗ ${problem}`);
    }
    if (problems.length === 0) {
      console.log(
        `✓ ${dir}: ${imports} bare import(s) in .d.cts files resolve to CommonJS-compatible declarations`,
      );
    }
    failed += problems.length;
  }
  process.exit(failed > 0 ? 1 : 0);
}

/**
 * Stryker ignorer "goskit-exclusions": skips the nodes `stryker/areas.mjs` lists (equivalent
 * mutants, message-only text) and reports each with its reason. Node-level, like every Stryker
 * ignorer: the node and everything inside it are left alone.
 */
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { AREAS, SHARED_EXCLUSION_RULES } from './areas.mjs';

const byFile = new Map();
for (const area of Object.values(AREAS)) {
  for (const exclusion of area.exclusions) {
    const list = byFile.get(exclusion.file) ?? [];
    list.push(exclusion);
    byFile.set(exclusion.file, list);
  }
}

const normalize = (fileName) => fileName.replaceAll('\\', '/');

function listedFor(fileName) {
  const name = normalize(fileName);
  for (const [file, exclusions] of byFile) {
    if (name.endsWith(`/${file}`) || name === file) {
      return exclusions;
    }
  }
  return undefined;
}

/** Upper-case identifiers such as 'INVALID_INPUT' are error codes, which tests assert: never skipped. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/** `new FooError('CODE', 'text')`, `new InvalidOptionsError(\`text\`)`: the text, not the code. */
function isErrorMessage(path) {
  if (path.listKey !== 'arguments' || !path.parentPath?.isNewExpression()) {
    return false;
  }
  const callee = path.parentPath.node.callee;
  if (callee.type !== 'Identifier' || !callee.name.endsWith('Error')) {
    return false;
  }
  return path.isTemplateLiteral() || (path.isStringLiteral() && !ERROR_CODE.test(path.node.value));
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'goskit-exclusions', {
    shouldIgnore(path) {
      if (isErrorMessage(path)) {
        return SHARED_EXCLUSION_RULES.errorMessages;
      }
      const fileName = path.hub?.file?.opts?.filename;
      const exclusions = fileName ? listedFor(fileName) : undefined;
      if (!exclusions) {
        return undefined;
      }
      const source = path.getSource();
      return exclusions.find((exclusion) => exclusion.code === source)?.reason;
    },
  }),
];

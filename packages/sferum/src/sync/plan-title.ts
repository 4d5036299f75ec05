/**
 * Title reconciliation of one chat. D is the title the registry wants (the template's, or a title
 * adopted from the messenger while the template has not changed since), L the title last applied,
 * R the messenger's. R = D: nothing (or record D if L lags). R = L ≠ D: the registry was renamed —
 * rename the chat. R ≠ L and R ≠ D: a person renamed it in the messenger — report it, adopt it, or
 * overwrite it, by option.
 */
import type { PlanFinding, PlanStep } from './plan-types.js';
import type { RegistryEntry } from './registry.js';

export type RemoteRenamePolicy = 'report' | 'adopt' | 'overwrite';

export function wantedTitle(entry: RegistryEntry | undefined, templateTitle: string): string {
  const override = entry?.titleOverride;
  return override !== undefined && override.templateTitle === templateTitle ? override.title : templateTitle;
}

export function planTitle(
  key: string,
  entry: RegistryEntry,
  chatId: string,
  remoteTitle: string,
  templateTitle: string,
  policy: RemoteRenamePolicy,
  canRename: boolean,
): { steps: PlanStep[]; findings: PlanFinding[] } {
  const wanted = wantedTitle(entry, templateTitle);
  const last = entry.title;
  if (remoteTitle === wanted) {
    return {
      steps: last === wanted ? [] : [{ kind: 'record-title', actor: 'registry', key, chatId, title: wanted }],
      findings: [],
    };
  }
  const rename: PlanStep = { kind: 'rename-chat', actor: 'sync', key, chatId, from: remoteTitle, to: wanted };
  const missing: PlanFinding = { kind: 'capability-missing', key, capability: 'renameChat' };
  if (remoteTitle === last) {
    return canRename ? { steps: [rename], findings: [] } : { steps: [], findings: [missing] };
  }
  if (policy === 'adopt') {
    return {
      steps: [
        { kind: 'adopt-title', actor: 'registry', key, chatId, from: last, to: remoteTitle, templateTitle },
      ],
      findings: [],
    };
  }
  if (policy === 'overwrite') {
    return canRename ? { steps: [rename], findings: [] } : { steps: [], findings: [missing] };
  }
  return {
    steps: [],
    findings: [
      { kind: 'remote-title-changed', key, chatId, registryTitle: last, remoteTitle, desiredTitle: wanted },
    ],
  };
}

/**
 * The built-in portals, composed in this one place: the package entries and the CLI take them from
 * here, and the engine never sees this file. A portal is a folder that plugs in (docs/portal-kit.md).
 */
import type { PortalDefinition } from '../engine/types.js';
import { ediaryPortal } from './ediary/index.js';
import { epguPortal } from './epgu/index.js';
import { esiaPortal } from './esia/index.js';
import { gospochtaPortal } from './gospochta/index.js';
import { maxPortal } from './max/index.js';
import { notificationsPortal } from './notifications/index.js';
import { paragrafPortal } from './paragraf/index.js';
import { schoolPortal } from './school/school-portal.js';
import { vkPortal } from './vk/index.js';
import { vkidPortal } from './vkid/index.js';

/** The portal factories by name, as `--portals esia,epgu` selects them. */
export const BUILT_IN_PORTALS: ReadonlyMap<string, () => PortalDefinition> = new Map<
  string,
  () => PortalDefinition
>([
  ['school', () => schoolPortal],
  ['esia', () => esiaPortal()],
  ['epgu', () => epguPortal()],
  ['vk', () => vkPortal()],
  ['vkid', () => vkidPortal()],
  ['paragraf', () => paragrafPortal()],
  ['gospochta', () => gospochtaPortal()],
  ['max', () => maxPortal()],
  ['notifications', () => notificationsPortal()],
  ['ediary', () => ediaryPortal()],
]);

/** Portals served when `options.portals` is not given: every built-in one. */
export function builtInPortals(): PortalDefinition[] {
  return [...BUILT_IN_PORTALS.values()].map((create) => create());
}

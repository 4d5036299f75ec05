/** createSimulator()'s options: the engine's, with the data slices of the built-in portals typed. */
import type { SimulatorData, SimulatorOptions } from './engine/types.js';
import type { EsiaDataInput } from './portals/esia/index.js';
import type { GospochtaDataInput } from './portals/gospochta/index.js';
import type { NotificationsData } from './portals/notifications/index.js';
import type { ParagrafDataInput } from './portals/paragraf/index.js';
import type { VkDataInput } from './portals/vk/index.js';
import type { VkIdDataInput } from './portals/vkid/index.js';

/** `data` with the built-in portals' slices typed; custom portals' slices stay `unknown`. */
export interface BuiltInSimulatorData extends SimulatorData {
  /** ESIA systems to register on every create/reset: `{ clients: [{ clientId, redirectUris, certificatePem, … }] }`. */
  esia?: EsiaDataInput;
  /** The notifications outbox: `{ delays: { 'ediary.mark': 'PT1M', default: 0 }, capacity }`. */
  notifications?: NotificationsData;
  /** VK communities, people, chats and tokens on top of (or instead of) the demo school (docs/vk-portal.md). */
  vk?: VkDataInput;
  /** VK ID applications and accounts (docs/vkid-portal.md). */
  vkid?: VkIdDataInput;
  /** Параграф exchange accounts, and `demo: false` for no «Демо школа» journals (docs/paragraf-portal.md). */
  paragraf?: ParagrafDataInput;
  /** Госпочта systems, consent flags, charges, SLA: `{ systems: [{ clientId, clientSecret, role, … }], consent, charges, sla }`. */
  gospochta?: GospochtaDataInput;
}

export interface CreateSimulatorOptions extends Omit<SimulatorOptions, 'data'> {
  data?: BuiltInSimulatorData;
}

/**
 * The `paragraf` portal: АИСУ «Параграф» as goskit models it (Параграф publishes no API; the contract is
 * goskit's own, shipped as packages/paragraf/wsdl): the SOAP exchange service at /exchange (pushData,
 * pushZipFile, getQueueStatus; a queue processed on the virtual clock; SOAP faults), the «База ссылок»,
 * «Демо школа»'s journals and lessons, and «Онлайн-урок»: publishing a lesson online creates the
 * subject chat and the call in the vk portal (through the messenger service); district export files of
 * any size at /export, generated from the seed while they are streamed. Docs: docs/paragraf-portal.md.
 */
import type { PortalDefinition, RouteDefinition } from '../../engine/types.js';
import { vkAccountsService } from '../../services/vk-accounts.js';
import { vkMessengerService } from '../../services/vk-messenger.js';
import { paragrafContracts } from './contracts.js';
import { paragrafControlRoutes } from './control-routes.js';
import { createParagrafState } from './create-state.js';
import { paragrafPanel } from './dashboard-panel.js';
import { type ParagrafData, paragrafDataSchema } from './data.js';
import { exchangeRoute } from './exchange-route.js';
import { exportRoute } from './export-route.js';
import { PARAGRAF_HOSTS, type ParagrafPortalOptions, resolveParagrafOptions } from './options.js';
import type { ParagrafState } from './state.js';

export type ParagrafPortal = PortalDefinition<ParagrafState, ParagrafData> & {
  controlRoutes: RouteDefinition<ParagrafState>[];
};

export function paragrafPortal(options: ParagrafPortalOptions = {}): ParagrafPortal {
  const resolved = resolveParagrafOptions(options);
  return {
    name: 'paragraf',
    title: 'АИСУ «Параграф»',
    hosts: [...PARAGRAF_HOSTS],
    prefix: '/paragraf',
    docs: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/paragraf-portal.md',
    data: {
      schema: paragrafDataSchema,
      description:
        'demo (false: no «Демо школа» account, journals, lessons), accounts (login, password, schoolId)',
    },
    createState: createParagrafState,
    routes: [exchangeRoute(resolved), exportRoute(resolved)],
    contracts: paragrafContracts,
    controlRoutes: paragrafControlRoutes(resolved),
    dashboard: paragrafPanel,
    requires: [vkMessengerService, vkAccountsService],
  };
}

export { type ParagrafData, type ParagrafDataInput, paragrafDataSchema } from './data.js';
export { SOAP_OPERATIONS } from './exchange-route.js';
export {
  paragrafCloseLesson,
  paragrafDemoAccount,
  paragrafJournals,
  paragrafLessons,
  paragrafPublishOnline,
  paragrafSaveLink,
  paragrafStaff,
} from './in-process.js';
export type { ParagrafLinkView, SaveLinkInput } from './links.js';
export type { OnlineLessonResult } from './online-lessons.js';
export type { ParagrafPortalOptions } from './options.js';
export type {
  ParagrafAccount,
  ParagrafJournal,
  ParagrafJournalKind,
  ParagrafLesson,
  ParagrafLessonState,
  ParagrafState,
} from './state.js';
export type { ParagrafStaffMember } from './views.js';

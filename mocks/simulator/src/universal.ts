/**
 * Everything both entries share (node: src/index.ts, browser bundles: src/browser.ts): running the
 * simulator and its built-in portals. Writing a portal: `@goskit/simulator/portal-kit`.
 */
export {
  type ClockState,
  type ControlIndex,
  type Health,
  type JournalPage,
  type JournalQuery,
  type PortalInfo,
  type RemoteFaultRule,
  type RemoteFaultScenario,
  type ScenarioList,
  SimulatorControl,
  SimulatorControlError,
  type SimulatorControlOptions,
} from './control/client.js';
export { parseDuration } from './engine/duration.js';
export { SimulatorError, type SimulatorErrorCode } from './engine/errors.js';
export { SCENARIO_HEADER } from './engine/faults/fault-controller.js';
export { FAULT_HEADER } from './engine/faults/fault-report.js';
export { SCENARIOS } from './engine/faults/scenarios.js';
export type * from './engine/types.js';
export { withScenario } from './engine/with-scenario.js';
export {
  DEFAULT_MAX_APPLIED_IDS,
  EDIARY_BACKUP_HOST,
  EDIARY_FEED_SCOPE,
  EDIARY_HOST,
  type EdiaryPortalOptions,
  type EdiaryState,
  ediaryPortal,
  type FeedConnection,
} from './portals/ediary/index.js';
export {
  API_ORDER_SCOPES,
  DEMO_SERVICES,
  DICTIONARY_CODES,
  type EpguLimits,
  type EpguOrder,
  type EpguPortalOptions,
  type EpguState,
  type EpguSystemInput,
  epguPortal,
  LK_STATUS,
  LK_STATUS_NAMES,
  registerEpguSystem,
} from './portals/epgu/index.js';
export {
  DEMO_CLIENT_ID,
  type DemoEsiaClient,
  demoEsiaClient,
  type EsiaAccessGrant,
  type EsiaClientInput,
  type EsiaClientSummary,
  type EsiaData,
  type EsiaDataInput,
  type EsiaPortal,
  type EsiaPortalDefinitionOptions,
  type EsiaPortalOptions,
  type EsiaState,
  esiaClientInputSchema,
  esiaDataSchema,
  esiaPortal,
  registerEsiaClient,
  verifyEsiaAccessToken,
} from './portals/esia/index.js';
export * from './portals/gospochta/index.js';
export { BUILT_IN_PORTALS, builtInPortals } from './portals/index.js';
export * from './portals/max/index.js';
export {
  type NotificationsData,
  type NotificationsPortalOptions,
  notificationControlRoutes,
  notificationsDataSchema,
  notificationsPortal,
  type OutboxState,
} from './portals/notifications/index.js';
export {
  type OnlineLessonResult,
  type ParagrafAccount,
  type ParagrafData,
  type ParagrafDataInput,
  type ParagrafJournal,
  type ParagrafJournalKind,
  type ParagrafLesson,
  type ParagrafLessonState,
  type ParagrafLinkView,
  type ParagrafPortal,
  type ParagrafPortalOptions,
  type ParagrafStaffMember,
  type ParagrafState,
  paragrafCloseLesson,
  paragrafDataSchema,
  paragrafDemoAccount,
  paragrafJournals,
  paragrafLessons,
  paragrafPortal,
  paragrafPublishOnline,
  paragrafSaveLink,
  paragrafStaff,
  type SaveLinkInput,
} from './portals/paragraf/index.js';
export { type ReplicaOptions, type ReplicaState, replicatePortal } from './portals/replica.js';
export { schoolPortal } from './portals/school/school-portal.js';
export * from './portals/vk/public.js';
export * from './portals/vkid/public.js';
export {
  DEMO_PASSWORD,
  type DemoOptions,
  demoRoster,
  FIXED_PERSONA_IDS,
  generateDemoData,
  SUBJECTS,
} from './roster/index.js';
export {
  type IdentityGrant,
  type IdentityPermission,
  type IdentityService,
  identityService,
} from './services/identity.js';
export {
  NOTIFICATION_CHANNELS,
  type Notice,
  type NoticeInput,
  type NoticePattern,
  type NoticeRecipient,
  type NoticeSource,
  type NoticeTimes,
  type NotificationChannel,
  type NotificationsService,
  notificationsService,
  type PersonNotice,
} from './services/notifications.js';
export { isTestEnvironment } from './simulator-defaults.js';
export type { BuiltInSimulatorData, CreateSimulatorOptions } from './simulator-options.js';
export { completeEsiaLogin, type EsiaLoginOptions } from './testing/esia-login.js';
export { EsiaLoginError, type EsiaLoginFailure } from './testing/esia-login-error.js';
export {
  demoEsiaSystem,
  registerTestEsiaSystem,
  type TestEsiaSystem,
  type TestEsiaSystemOptions,
} from './testing/esia-system.js';
export { journaled, type ResettableMsw, resetAll } from './testing/journaled.js';
export { OVERRIDE_EFFECT } from './testing/override-journal.js';
export type { SimulatorTarget } from './testing/portal-control.js';
export { type SimulatorClock, simulatorClock } from './testing/simulator-clock.js';

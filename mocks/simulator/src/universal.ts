/** Everything both entries share (node: src/index.ts, browser bundles: src/browser.ts). */
export { createMswHandlers } from './adapters/msw/handlers.js';
export {
  type ClockState,
  type Health,
  type JournalPage,
  type JournalQuery,
  type PortalInfo,
  type RemoteFaultRule,
  type ScenarioList,
  SimulatorControl,
  SimulatorControlError,
  type SimulatorControlOptions,
} from './control/client.js';
export { DEMO_PASSWORD, type DemoOptions, FIXED_PERSONA_IDS, generateDemoData } from './demo/index.js';
export { type JsonSchema, validateSchema } from './engine/contracts/json-schema.js';
export {
  contractsFromOpenApi,
  type OpenApiOperationInfo,
  readOpenApiOperations,
} from './engine/contracts/openapi-contracts.js';
export { definePortal } from './engine/define-portal.js';
export { describeRun } from './engine/describe-run.js';
export { parseDuration } from './engine/duration.js';
export { BadRequestError, SimulatorError, type SimulatorErrorCode } from './engine/errors.js';
export { SCENARIO_HEADER } from './engine/faults/fault-controller.js';
export { FAULT_HEADER } from './engine/faults/fault-report.js';
export { SCENARIOS } from './engine/faults/scenarios.js';
export { defaultRateLimitKey } from './engine/rate-limiter.js';
export { readForm, readJson } from './engine/request-body.js';
export { bodyText, html, http429, inBodyError, json, noContent, text } from './engine/responses.js';
export type * from './engine/types.js';
export { withScenario } from './engine/with-scenario.js';
export {
  API_ORDER_SCOPES,
  DEMO_SERVICES,
  DICTIONARY_CODES,
  type EpguOrder,
  type EpguPortalOptions,
  type EpguState,
  epguPortal,
  LK_STATUS,
  LK_STATUS_NAMES,
} from './portals/epgu/index.js';
export {
  DEMO_CLIENT_ID,
  type DemoEsiaClient,
  demoEsiaClient,
  type EsiaAccessGrant,
  type EsiaClientInput,
  type EsiaClientSummary,
  type EsiaPortal,
  type EsiaPortalDefinitionOptions,
  type EsiaPortalOptions,
  type EsiaState,
  esiaClientInputSchema,
  esiaControlRoutes,
  esiaDataSchema,
  esiaPortal,
  registerEsiaClient,
  verifyEsiaAccessToken,
} from './portals/esia/index.js';
export { PORTAL_RATE_LIMITS } from './portals/rate-limit-defaults.js';
export { schoolPortal } from './portals/school/school-portal.js';

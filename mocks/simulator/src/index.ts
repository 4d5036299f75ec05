export { createMswHandlers } from './adapters/msw/handlers.js';
export {
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
export { builtInPortals, createSimulator, isTestEnvironment } from './engine/create-simulator.js';
export { definePortal } from './engine/define-portal.js';
export { describeRun } from './engine/describe-run.js';
export { parseDuration } from './engine/duration.js';
export { BadRequestError, SimulatorError, type SimulatorErrorCode } from './engine/errors.js';
export { SCENARIO_HEADER } from './engine/faults/fault-controller.js';
export { SCENARIOS } from './engine/faults/scenarios.js';
export { defaultRateLimitKey } from './engine/rate-limiter.js';
export { readForm, readJson } from './engine/request-body.js';
export { bodyText, html, http429, inBodyError, json, noContent, text } from './engine/responses.js';
export type * from './engine/types.js';
export { PORTAL_RATE_LIMITS } from './portals/rate-limit-defaults.js';
export { schoolPortal } from './portals/school/school-portal.js';

/**
 * The Госпочта (ГЭПС) portal — goskit's own contract (there is no public Госпочта API): SSO (client
 * credentials, ESIA token exchange), roles × permissions on every operation, protected packets both
 * ways, letters with attachments and legally significant sending with delivery acts on the virtual
 * clock, webhooks and polling, payments by УИН/ИНН/СНИЛС with receipts, documents by expiring links,
 * the SOAP form, mutual TLS on the standalone server's HTTPS listener. Register it with
 * `createSimulator({ portals: [esiaPortal(), gospochtaPortal()] })`; docs/gospochta-portal.md.
 */
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { SimulatorError } from '../../engine/errors.js';
import { provide } from '../../engine/services.js';
import type { PortalDefinition, PortalRuntime, RouteDefinition } from '../../engine/types.js';
import { gospochtaService } from '../../services/gospochta.js';
import { identityService } from '../../services/identity.js';
import { tokenRoutes } from './access/token-route.js';
import { gospochtaControlRoutes } from './control-routes.js';
import { createGospochtaState } from './create-state.js';
import { gospochtaPanel } from './dashboard-panel.js';
import { type GospochtaData, gospochtaDataSchema, type SystemInput, systemInputSchema } from './data.js';
import type { World } from './letters/lifecycle.js';
import { gospochtaOpenApi } from './openapi.gen.js';
import { auditOperations } from './operations/audit.js';
import { documentOperations } from './operations/documents.js';
import { inboxOperations } from './operations/inbox.js';
import type { OperationTable } from './operations/operation.js';
import { outboxOperations } from './operations/outbox.js';
import { paymentOperations } from './operations/payments.js';
import type { PipelineDeps } from './operations/pipeline.js';
import { restRoutes } from './operations/rest.js';
import { sessionOperations } from './operations/session.js';
import { webhookOperations } from './operations/webhooks.js';
import { type GospochtaPortalOptions, resolveGospochtaOptions, resolveSla } from './options.js';
import { GospochtaProblem, problemResponse } from './problem.js';
import { createGospochtaService } from './service.js';
import { faultResponse, soapRoutes } from './soap/soap-route.js';
import { gospochtaContracts } from './soap/xml-contract.js';
import type { GospochtaState } from './state.js';
import { gospochtaTls } from './tls.js';
import type { WebhookPump } from './webhooks/pump.js';

export interface GospochtaPortalDefinitionOptions extends GospochtaPortalOptions {
  /** Systems registered on every create/reset, besides `data.gospochta.systems`. */
  systems?: SystemInput[];
}

export type GospochtaPortal = PortalDefinition<GospochtaState, GospochtaData> & {
  controlRoutes: RouteDefinition<GospochtaState>[];
};

/** Every `/v1` operation of the contract, by operation id. */
const OPERATIONS: OperationTable = {
  ...sessionOperations,
  ...inboxOperations,
  ...outboxOperations,
  ...webhookOperations,
  ...paymentOperations,
  ...documentOperations,
  ...auditOperations,
};

export function gospochtaPortal(options: GospochtaPortalDefinitionOptions = {}): GospochtaPortal {
  const resolved = resolveGospochtaOptions(options);
  const systems = (options.systems ?? []).map((input, index) => {
    const parsed = systemInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SimulatorError(
        'INVALID_OPTIONS',
        `gospochtaPortal({ systems[${index}]${issue?.path.length ? `.${issue.path.join('.')}` : ''} }): ${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  });
  const pumps = new WeakMap<object, WebhookPump>();
  const worldOf = (state: GospochtaState, sim: PortalRuntime): World => ({
    state,
    options: resolved,
    sla: resolveSla((sim.data as GospochtaData | undefined)?.sla, resolved.sla),
    random: sim.random,
  });
  const deps: PipelineDeps = {
    options: resolved,
    world: worldOf,
    wake: (sim) => sim.service(gospochtaService).wake(),
  };
  return {
    name: 'gospochta',
    title: 'Госпочта (ГЭПС) — goskit contract',
    hosts: [...resolved.hosts],
    prefix: '/gospochta',
    docs: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/gospochta-portal.md',
    data: {
      schema: gospochtaDataSchema,
      description: 'systems, consent flags, charges, sla, demo: Госпочта systems and data on every start',
    },
    createState: (runtime) => createGospochtaState(runtime, systems),
    routes: [...tokenRoutes(resolved), ...restRoutes(OPERATIONS, deps), ...soapRoutes(OPERATIONS, deps)],
    rateLimit: {
      ratePerSecond: resolved.rateLimit.ratePerSecond,
      burst: resolved.rateLimit.burst,
      exempt: ['getJwks', 'soap.wsdl'],
      respond: ({ request, retryAfterMs }) => {
        const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
        const header = request.headers['x-request-id'];
        const requestId =
          header !== undefined && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : undefined;
        const problem = new GospochtaProblem(
          429,
          'RATE_LIMITED',
          { retryAfterSec: seconds, detail: `wait ${seconds} s` },
          { 'retry-after': String(seconds) },
        );
        return request.path === '/soap'
          ? faultResponse(problem, requestId, resolved.soapFaultStatus)
          : problemResponse(429, 'RATE_LIMITED', requestId, problem.extra, problem.headers);
      },
    },
    contracts: gospochtaContracts(contractsFromOpenApi(gospochtaOpenApi)),
    controlRoutes: gospochtaControlRoutes,
    dashboard: gospochtaPanel(worldOf),
    provides: [
      provide(gospochtaService, (context) =>
        createGospochtaService(context, resolved, (state) => worldOf(state, context.runtime), pumps),
      ),
    ],
    requires: [identityService, gospochtaService],
    tls: gospochtaTls,
  };
}

export {
  type GospochtaCharge,
  type GospochtaChargeInput,
  type GospochtaPacketKey,
  type GospochtaService,
  type GospochtaSystemInput,
  type GospochtaSystemSummary,
  type GospochtaTrust,
  gospochtaService,
} from '../../services/gospochta.js';
export {
  DEMO_GOSPOCHTA_SECRET,
  DEMO_SYSTEMS as GOSPOCHTA_DEMO_SYSTEMS,
  NO_CONSENT_PERSONAS as GOSPOCHTA_NO_CONSENT_PERSONAS,
} from './create-state.js';
export {
  type ChargeInput as GospochtaChargeDataInput,
  type GospochtaData,
  type GospochtaDataInput,
  gospochtaDataSchema,
  type PacketKeyInput as GospochtaPacketKeyInput,
  type SystemInput as GospochtaSystemDataInput,
} from './data.js';
export { AGENCIES as GOSPOCHTA_AGENCIES } from './keys.js';
export type {
  GospochtaPortalOptions,
  GospochtaSlaOptions,
  MsRange as GospochtaMsRange,
  SignatureAlgorithm as GospochtaSignatureAlgorithm,
  TokenAlgorithm as GospochtaTokenAlgorithm,
} from './options.js';
export type { GospochtaState } from './state.js';

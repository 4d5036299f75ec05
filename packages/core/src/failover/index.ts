export { tlsCodeOf } from './classify-outcome.js';
export {
  createFailoverTransport,
  type FailoverRawResult,
  type FailoverTransport,
} from './create-failover-transport.js';
export type {
  FailoverEvent,
  FailoverPolicy,
  FailoverServer,
  FailoverServerInput,
  FailoverTransportOptions,
  FailureReason,
  HealthCheckOptions,
} from './failover-options.js';

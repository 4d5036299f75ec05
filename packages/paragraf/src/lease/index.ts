export type { Lease, LeaseManager } from './lease.js';
export { createStoreLeaseManager } from './store-lease-manager.js';

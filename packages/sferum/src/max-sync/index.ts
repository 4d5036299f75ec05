export { maxChatEvent } from './max-chat-events.js';
export { createMaxChatTransport, type MaxChatTransportOptions } from './max-chat-transport.js';
export { maxMemberRefusal } from './max-member-refusal.js';
export { type MaxRegistryUpdatesOptions, maxRegistryUpdates } from './max-registry-updates.js';

export { memberRefusal } from './member-refusal.js';
export { createVkChatTransport, type VkChatTransportOptions } from './vk-chat-transport.js';

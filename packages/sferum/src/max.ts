/**
 * `@goskit/sferum/max` — the MAX Bot API client and the chat sync's MAX transport: Sferum's school
 * chats live in MAX since 2025. Its own entry point, so a VK-only integration never loads it; the
 * sync itself (`createChatSync`) comes from `@goskit/sferum` and knows nothing of MAX.
 */
export * from './max/index.js';
export * from './max-sync/index.js';

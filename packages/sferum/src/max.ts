/**
 * `@goskit/sferum/max` — the MAX Bot API client: Sferum's school chats live in MAX since 2025.
 * Its own entry point, so a VK-only integration never loads it.
 */
export * from './max/index.js';

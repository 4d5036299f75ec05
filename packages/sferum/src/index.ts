/**
 * @goskit/sferum — Sferum for school systems: the VK API client, VK ID sign-in with PKCE, links
 * between school people and VK users, and the school chat registry sync with lesson calls.
 */
export * from './errors/index.js';
export * from './links/index.js';
export * from './sync/index.js';
export * from './vk/index.js';
export * from './vk-sync/index.js';
export * from './vkid/index.js';

import { InvalidOptionsError } from '@goskit/core';
import { resolveVkBaseUrl, resolveVkIdBaseUrl } from '@goskit/sferum';
import { describe, expect, it } from 'vitest';

describe.each([
  ['VK API', resolveVkBaseUrl, 'https://api.vk.ru', 'https://api.vk.com', '/vk'],
  ['VK ID', resolveVkIdBaseUrl, 'https://id.vk.ru', 'https://id.vk.com', '/vkid'],
] as const)('%s environment', (_name, resolve, ru, com, path) => {
  it('defaults to the .ru host and knows the .com one', () => {
    expect(resolve(undefined)).toBe(ru);
    expect(resolve('vk.ru')).toBe(ru);
    expect(resolve('vk.com')).toBe(com);
  });

  it('takes a simulator base URL without its trailing slashes', () => {
    expect(resolve({ baseUrl: `http://127.0.0.1:4010${path}//` })).toBe(`http://127.0.0.1:4010${path}`);
  });

  it.each([
    [{ baseUrl: 'api.vk.ru' }, /absolute URL, e\.g\. http:\/\/127\.0\.0\.1:4010\/vk/],
    [{ baseUrl: 'ftp://127.0.0.1/' }, /http\(s\) URL/],
    [{ baseUrl: 'http://127.0.0.1/x?y=1' }, /query or a fragment/],
    [{ baseUrl: 'http://127.0.0.1/x#y' }, /query or a fragment/],
    ['vk.org', /'vk\.ru', 'vk\.com' or \{ baseUrl \}/],
    [{ baseUrl: 42 }, /'vk\.ru', 'vk\.com' or \{ baseUrl \}/],
  ])('refuses %j with a typed error', (environment, message) => {
    expect(() => resolve(environment as never)).toThrow(InvalidOptionsError);
    expect(() => resolve(environment as never)).toThrow(message);
  });
});

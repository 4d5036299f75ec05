/** Shared by the vk and vkid tests: a simulator with both portals, and VK API calls through sim.handle. */
import { createSimulator } from '../src/create-simulator.js';
import type { SimResponse, Simulator, SimulatorOptions } from '../src/engine/types.js';
import { vkPortal } from '../src/portals/vk/index.js';
import type { VkPortalOptions } from '../src/portals/vk/options.js';
import { vkidPortal } from '../src/portals/vkid/index.js';
import { bodyOf, simRequest } from './fixtures/requests.js';

export function vkSim(options: Partial<SimulatorOptions> & { vk?: VkPortalOptions } = {}): Simulator {
  const { vk, ...rest } = options;
  return createSimulator({ seed: 'vk-test', portals: [vkPortal(vk), vkidPortal()], ...rest });
}

export interface CallOptions {
  token?: string;
  /** Send the token as `Authorization: Bearer` instead of access_token. */
  bearer?: boolean;
  /** Default 'POST' (form body); 'GET' puts everything in the query. */
  httpMethod?: 'GET' | 'POST';
  /** Default '5.199'; null leaves it out. */
  v?: string | null;
}

export interface VkAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: VK answers are checked field by field in tests.
  body: any;
  raw: SimResponse;
}

/** One VK API call through the engine, as vk-io sends it (POST form-encoded) unless told otherwise. */
export async function vkCall(
  sim: Simulator,
  method: string,
  params: Record<string, string | number | boolean> = {},
  options: CallOptions = {},
): Promise<VkAnswer> {
  const form = new URLSearchParams();
  if (options.token !== undefined && !options.bearer) {
    form.set('access_token', options.token);
  }
  const version = options.v === undefined ? '5.199' : options.v;
  if (version !== null) {
    form.set('v', version);
  }
  for (const [name, value] of Object.entries(params)) {
    form.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const headers: Record<string, string> = {};
  if (options.bearer && options.token !== undefined) {
    headers.authorization = `Bearer ${options.token}`;
  }
  const get = options.httpMethod === 'GET';
  if (!get) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const raw = await sim.handle(
    simRequest(`/method/${method}`, {
      portal: 'vk',
      method: get ? 'GET' : 'POST',
      headers,
      ...(get ? { query: Object.fromEntries(form) } : { body: form.toString() }),
    }),
  );
  const text = bodyOf(raw);
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // A fault scenario's gateway page or a corrupted body: the test reads the text.
  }
  return { status: raw.status, body, raw };
}

/** The `response` of a successful call; fails the test with VK's error otherwise. */
export async function vkOk(
  sim: Simulator,
  method: string,
  params: Record<string, string | number | boolean>,
  options: CallOptions,
  // biome-ignore lint/suspicious/noExplicitAny: see VkAnswer.
): Promise<any> {
  const answer = await vkCall(sim, method, params, options);
  if (answer.body?.error !== undefined) {
    throw new Error(`${method} failed: ${JSON.stringify(answer.body.error)}`);
  }
  return answer.body.response;
}

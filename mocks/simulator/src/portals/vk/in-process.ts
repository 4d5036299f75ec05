/**
 * The control routes' abilities for a simulator in the same process (tests, examples): every
 * function takes the simulator and works on the vk portal's live state.
 */
import type { Simulator } from '../../engine/types.js';
import { joinByLink, leaveChat, linkProfile, renameChat } from './act.js';
import { type ArmCaptchaInput, armCaptcha, captchaSolution } from './captcha.js';
import {
  chatSummaries,
  chatSummary,
  messagesOf,
  tokenInfos,
  userInfos,
  type VkChatSummary,
  type VkTokenInfo,
  type VkUserInfo,
} from './inspect.js';
import type { ArmedCaptcha, VkDemoChat, VkMessage, VkState } from './state.js';

function stateOf(sim: Simulator): VkState {
  return sim.portalState<VkState>('vk');
}

/** Every token the portal knows of its own (not VK ID's): kind, token, owner. */
export function vkTokens(sim: Simulator): VkTokenInfo[] {
  return tokenInfos(stateOf(sim));
}

export function vkUsers(sim: Simulator): VkUserInfo[] {
  return userInfos(stateOf(sim));
}

export interface VkDemoInfo {
  groupId: number;
  communityToken: string;
  /** User tokens of the demo people (teacher-demo, admin-demo, parent-ivanov) by roster person id. */
  userTokens: Record<string, string>;
  serviceToken: string;
  chats: VkDemoChat[];
}

/** «Демо школа»'s community, its tokens and chats; throws when the simulator runs with `demo: false`. */
export function vkDemo(sim: Simulator): VkDemoInfo {
  const state = stateOf(sim);
  if (state.demo === undefined) {
    throw new Error('the vk portal runs without demo data (data.vk.demo is false)');
  }
  const tokens = tokenInfos(state).filter((token) => state.tokens.get(token.token)?.source === 'demo');
  const userTokens: Record<string, string> = {};
  for (const token of tokens) {
    if (token.kind === 'user' && token.owner.personId !== undefined) {
      userTokens[token.owner.personId] = token.token;
    }
  }
  return {
    groupId: state.demo.groupId,
    communityToken: tokens.find((token) => token.kind === 'community')?.token ?? '',
    serviceToken: tokens.find((token) => token.kind === 'service')?.token ?? '',
    userTokens,
    chats: state.demo.chats.map((chat) => ({ ...chat })),
  };
}

/** The VK user id of a roster person. */
export function vkUserIdOf(sim: Simulator, personId: string): number | undefined {
  return stateOf(sim).usersByPerson.get(personId);
}

export function vkChats(sim: Simulator): VkChatSummary[] {
  return chatSummaries(stateOf(sim));
}

/** A chat's last messages (up to 1000) and how many it has had. */
export function vkChatMessages(
  sim: Simulator,
  chatId: number,
): { count: number; items: VkMessage[] } | undefined {
  const chat = stateOf(sim).chats.get(chatId);
  return chat === undefined ? undefined : messagesOf(chat);
}

/** Acting as a person in VK (see act.ts); errors are VkMessengerError with VK's code. */
export function vkActions(sim: Simulator) {
  const state = () => stateOf(sim);
  return {
    renameChat: (input: { userId: number; chatId: number; title: string }) =>
      chatSummary(state(), renameChat(state(), input)),
    leaveChat: (input: { userId: number; chatId: number }) => chatSummary(state(), leaveChat(state(), input)),
    linkProfile: (input: { userId: number; linked?: boolean }) =>
      linkProfile(state(), { userId: input.userId, linked: input.linked ?? true }).educationProfile,
    joinByLink: (input: { userId: number; link: string }) =>
      chatSummary(state(), joinByLink(state(), { ...input, nowMs: sim.clock.nowMs() })),
  };
}

/** The next `count` calls (of `method`, also inside execute) answer 14 in the given form. */
export function requireVkCaptcha(sim: Simulator, input: ArmCaptchaInput = {}): ArmedCaptcha {
  return armCaptcha(stateOf(sim), input);
}

/** What solving a captcha yields: the picture's text (legacy) or the success_token (redirect form). */
export function vkCaptchaSolution(
  sim: Simulator,
  sid: string,
): { form: string; answer?: string; successToken?: string } | undefined {
  return captchaSolution(stateOf(sim), sid);
}

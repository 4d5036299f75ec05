/**
 * The VK-backed `CommunityVerifier` of the «База ссылок», over @goskit/sferum's VK client: with the
 * token as a community token, `groups.getById` without ids returns the token's own community — so the
 * token is a community token of `communityId` exactly when that answer is `communityId`. A user or
 * service token is refused by VK for a call without ids (100), a dead token with 5; both mean "not a
 * community token". Whether the community exists is then asked with the same token by id.
 */
import { createVkClient, isVkApiError, type VkClientOptions } from '@goskit/sferum';
import type { CommunityCheck, CommunityVerifier } from './community-verifier.js';

/** VK's answers that mean "this token is not a community token" rather than a failure to report. */
const NOT_COMMUNITY_TOKEN: ReadonlySet<number> = new Set([5, 27, 100, 1116]);

export type VkCommunityVerifierOptions = Omit<VkClientOptions, 'token' | 'tokenKind' | 'groupId'>;

export function createVkCommunityVerifier(options: VkCommunityVerifierOptions = {}): CommunityVerifier {
  return {
    async verify({ communityId, token, signal }): Promise<CommunityCheck> {
      const vk = createVkClient({ ...options, token, tokenKind: 'community' });
      const call = signal === undefined ? {} : { signal };
      let own: { id: number; name: string } | undefined;
      try {
        own = (await vk.groups.getById({}, call))[0];
      } catch (error) {
        if (!isVkApiError(error) || !NOT_COMMUNITY_TOKEN.has(error.vkCode)) {
          throw error;
        }
      }
      if (own?.id === communityId) {
        return { exists: true, communityToken: true, name: own.name };
      }
      if (own === undefined) {
        return { exists: false, communityToken: false };
      }
      // A community token of another community: does the asked one exist at all?
      try {
        const asked = (await vk.groups.getById({ group_id: communityId }, call))[0];
        return { exists: asked?.id === communityId, communityToken: false };
      } catch (error) {
        if (isVkApiError(error) && error.vkCode === 100) {
          return { exists: false, communityToken: false };
        }
        throw error;
      }
    },
  };
}

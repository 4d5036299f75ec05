/**
 * How a link is checked against VK before it is saved: does the community exist, and is the token
 * a community token of that community. Injected, so this package does not depend on a VK client;
 * @goskit/sferum provides the VK-backed implementation.
 */
export interface CommunityCheck {
  /** The community exists and is reachable. */
  exists: boolean;
  /** The token is a community (group) token issued for this community. */
  communityToken: boolean;
  /** The community's name as VK reports it, for display. */
  name?: string;
}

export interface CommunityVerifier {
  verify(input: { communityId: number; token: string; signal?: AbortSignal }): Promise<CommunityCheck>;
}

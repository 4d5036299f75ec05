/**
 * Membership of one chat. Linked people not in the chat are added when the transport can add
 * members, otherwise they get the invite link; unlinked (or stale) people must link their profile
 * first. People in the chat who do not belong are removed only when the sync knows them — it added
 * them, or they are linked school people — never owners, admins or strangers (those are reported).
 */
import type { LinkStatus } from '../links/link-status.js';
import type { ChatTransportCapabilities } from './chat-transport.js';
import type { DesiredMember } from './chat-types.js';
import type { PersonStep, PlanFinding, PlannedMember, PlanStep } from './plan-types.js';

export interface MemberPlanInput {
  key: string;
  members: readonly DesiredMember[];
  statuses: ReadonlyMap<string, LinkStatus>;
  capabilities: ChatTransportCapabilities;
  /** Undefined for a chat that does not exist yet. */
  remote: { chatId: string; memberIds: ReadonlySet<string>; adminIds: ReadonlySet<string> } | undefined;
  /** User ids the sync added earlier (registry). */
  addedMemberIds: readonly string[];
  /** Every user id linked to a person of this school, to the person id. */
  schoolUsers: ReadonlyMap<string, string>;
  removeMembers: boolean;
  inviteLink: string | undefined;
}

export interface MemberPlan {
  members: PlannedMember[];
  /** For a new chat: who goes in with the create. */
  createMemberIds: string[];
  steps: PlanStep[];
  personSteps: PersonStep[];
  findings: PlanFinding[];
  linkedPercent: number;
}

export function planMembers(input: MemberPlanInput): MemberPlan {
  const { key, capabilities, remote } = input;
  const members: PlannedMember[] = [];
  const steps: PlanStep[] = [];
  const personSteps: PersonStep[] = [];
  const findings: PlanFinding[] = [];
  const createMemberIds: string[] = [];
  const wantedUsers = new Set<string>();
  const handledUsers = new Set<string>();
  const joiners: { personId: string; userId: string }[] = [];
  let linked = 0;

  for (const member of input.members) {
    const status = input.statuses.get(member.personId) ?? { status: 'not-linked', mark: '✗' };
    const userId = status.status === 'not-linked' ? undefined : status.link.userId;
    const inChat = userId !== undefined && (remote?.memberIds.has(userId) ?? false);
    const planned: PlannedMember = {
      personId: member.personId,
      role: member.role,
      name: member.name,
      link: status.status,
      mark: status.mark,
      inChat,
      action: 'none',
      ...(userId === undefined ? {} : { userId }),
      ...(status.status === 'stale' ? { staleReason: status.reason } : {}),
    };
    if (userId !== undefined) {
      wantedUsers.add(userId);
    }
    if (status.status !== 'linked') {
      planned.action = 'must-link';
      personSteps.push({
        kind: 'link-profile',
        actor: 'person',
        key,
        personId: member.personId,
        role: member.role,
        name: member.name,
        reason: status.status === 'stale' ? status.reason : 'not-linked',
        chatKeys: [key],
      });
      members.push(planned);
      continue;
    }
    linked += 1;
    const id = status.link.userId;
    if (inChat) {
      members.push(planned);
      continue;
    }
    const firstForUser = !handledUsers.has(id);
    handledUsers.add(id);
    if (remote === undefined && capabilities.createChat && capabilities.membersOnCreate) {
      planned.action = 'add-on-create';
      if (firstForUser) {
        createMemberIds.push(id);
      }
    } else if (capabilities.addMembers) {
      planned.action = 'add';
      if (firstForUser) {
        steps.push({ kind: 'add-member', actor: 'sync', key, userId: id, personId: member.personId });
      }
    } else {
      planned.action = 'join-by-invite';
      joiners.push({ personId: member.personId, userId: id });
    }
    members.push(planned);
  }

  if (remote !== undefined) {
    const added = new Set(input.addedMemberIds);
    for (const userId of remote.memberIds) {
      if (wantedUsers.has(userId) || remote.adminIds.has(userId)) {
        continue;
      }
      const personId = input.schoolUsers.get(userId);
      const known = personId !== undefined || added.has(userId);
      if (known && input.removeMembers && capabilities.removeMembers) {
        steps.push({
          kind: 'remove-member',
          actor: 'sync',
          key,
          chatId: remote.chatId,
          userId,
          ...(personId === undefined ? {} : { personId }),
        });
      } else if (!known) {
        findings.push({ kind: 'unknown-member', key, chatId: remote.chatId, userId });
      }
    }
  }

  if (joiners.length > 0) {
    if (input.inviteLink === undefined && capabilities.inviteLink !== 'none') {
      steps.push({ kind: 'fetch-invite-link', actor: 'sync', key });
    }
    personSteps.push({
      kind: 'join-by-invite',
      actor: 'person',
      key,
      personIds: joiners.map((joiner) => joiner.personId),
      userIds: [...new Set(joiners.map((joiner) => joiner.userId))],
      ...(input.inviteLink === undefined ? {} : { inviteLink: input.inviteLink }),
    });
  }
  const total = input.members.length;
  return {
    members,
    createMemberIds,
    steps,
    personSteps,
    findings,
    linkedPercent: total === 0 ? 100 : Math.round((linked / total) * 1000) / 10,
  };
}

export type {
  ApplyEvent,
  ApplyOptions,
  ApplyResult,
  RefusedMember,
  StepResult,
  StepStatus,
} from './apply.js';
export type {
  ChatTransport,
  ChatTransportCapabilities,
  CreateChatInput,
  CreatedChat,
  MemberOutcome,
  MemberRefusal,
  RemoteChat,
  RemoteChatState,
  UnavailableChat,
} from './chat-transport.js';
export { CHAT_TYPES, type ChatType, chatKey, type DesiredChat, type DesiredMember } from './chat-types.js';
export { type ChatSync, type ChatSyncOptions, createChatSync } from './create-chat-sync.js';
export { KeyValueChatRegistry, type KeyValueChatRegistryOptions } from './key-value-registry.js';
export {
  createLessonCalls,
  DEFAULT_LESSON_TEXTS,
  type Lesson,
  type LessonCall,
  type LessonCallState,
  type LessonCalls,
  type LessonCallsOptions,
  type LessonCallTexts,
} from './lesson-calls.js';
export { MemoryChatRegistry } from './memory-registry.js';
export { PERSON_MUST_CREATE, registryScope } from './plan.js';
export type { RemoteRenamePolicy } from './plan-title.js';
export type {
  MemberMark,
  PersonStep,
  PlanFinding,
  PlannedChat,
  PlannedChatStatus,
  PlannedMember,
  PlanStep,
  PlanSummary,
  RegistryStep,
  SyncPlan,
  SyncStep,
} from './plan-types.js';
export type { ChatRegistry, RegistryEntry, RegistryState } from './registry.js';
export {
  type CheckedRoster,
  checkRoster,
  type RosterClass,
  type RosterParent,
  type RosterPerson,
  type RosterPupil,
  type RosterSubject,
  type SchoolRoster,
} from './roster.js';
export { keyValueSyncLock, memorySyncLock, type SyncLock } from './sync-lock.js';
export {
  DEFAULT_TITLE_TEMPLATES,
  type TitleContext,
  type TitleTemplate,
  type TitleTemplates,
} from './title-template.js';

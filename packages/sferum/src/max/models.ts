/**
 * The MAX objects as the API sends them (snake_case, as in max-messenger/api-schema), named for use.
 * The types come from openapi/max.yaml through openapi-typescript, so the client and the simulator's
 * contract cannot drift apart.
 */
import type { components } from './max-api.gen.js';

type Schemas = components['schemas'];

export type MaxUser = Schemas['User'];
export type MaxBotInfo = Schemas['BotInfo'];
export type MaxChat = Schemas['Chat'];
export type MaxChatType = Schemas['ChatType'];
export type MaxChatStatus = Schemas['ChatStatus'];
export type MaxChatMember = Schemas['ChatMember'];
export type MaxChatAdmin = Schemas['ChatAdmin'];
export type MaxPermission = Schemas['ChatAdminPermission'];
export type MaxMessage = Schemas['Message'];
export type MaxMessageBody = Schemas['MessageBody'];
export type MaxAttachment = Schemas['Attachment'];
export type MaxAttachmentRequest = Schemas['AttachmentRequest'];
export type MaxSenderAction = Schemas['SenderAction'];
export type MaxSubscription = Schemas['Subscription'];
export type MaxUploadType = Schemas['UploadType'];
export type MaxUpdateType = Schemas['UpdateType'];
export type MaxCallback = Schemas['Callback'];
export type MaxAddMembersBody = Schemas['AddMembersResult'];

/** One event. `update_type` tells which; types MAX adds later arrive as they are (see `MaxUnknownUpdate`). */
export type MaxUpdate = Schemas['Update'];
export type MaxUpdateOf<T extends MaxUpdate['update_type']> = Extract<MaxUpdate, { update_type: T }>;

/** An update of a type this client does not model yet: only the envelope is known. */
export interface MaxUnknownUpdate {
  update_type: string;
  timestamp: number;
  [field: string]: unknown;
}

/** What a poll or a webhook hands over: a modelled update, or a newer type passed on as it is. */
export type MaxIncomingUpdate = MaxUpdate | MaxUnknownUpdate;

/** Every admin permission, in the schema's order. */
export const MAX_PERMISSIONS: readonly MaxPermission[] = [
  'read_all_messages',
  'add_remove_members',
  'add_admins',
  'change_chat_info',
  'pin_message',
  'edit_link',
  'write',
  'edit',
  'delete',
  'can_call',
  'view_stats',
];

/** Every update type of the schema, for `types` filters. */
export const MAX_UPDATE_TYPES: readonly MaxUpdateType[] = [
  'message_created',
  'message_callback',
  'message_edited',
  'message_removed',
  'bot_added',
  'bot_removed',
  'user_added',
  'user_removed',
  'bot_started',
  'bot_stopped',
  'chat_title_changed',
  'dialog_muted',
  'dialog_unmuted',
  'dialog_cleared',
  'dialog_removed',
  'message_chat_created',
  'bot_admin_permissions_changed',
];

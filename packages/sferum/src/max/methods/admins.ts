/**
 * Admins of a chat and their permissions (`read_all_messages`, `add_remove_members`, `add_admins`,
 * `change_chat_info`, `pin_message`, `edit_link`, `write`, `edit`, `delete`, `can_call`, `view_stats`).
 * Granting needs `add_admins`.
 */
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { checkChatId, checkUserId, type MaxId } from '../ids.js';
import { MAX_PERMISSIONS, type MaxChatMember, type MaxPermission } from '../models.js';
import { REPEATABLE } from '../retry-policy.js';
import { membersPageSchema, successSchema } from '../schemas.js';
import { signalOf } from './bot.js';

export interface AdminGrant {
  userId: MaxId;
  permissions: readonly MaxPermission[];
  /** A title shown next to the name, up to 64 characters. */
  alias?: string;
}

const KNOWN: ReadonlySet<string> = new Set(MAX_PERMISSIONS);

export async function listAdmins(
  context: MaxContext,
  chatId: MaxId,
  options: CallOptions = {},
): Promise<MaxChatMember[]> {
  const id = checkChatId(chatId);
  const page = await maxCall<{ members: MaxChatMember[] }, typeof membersPageSchema>(context, {
    method: 'GET',
    path: `/chats/${id}/members/admins`,
    schema: membersPageSchema,
    ...signalOf(options),
  });
  return page.members;
}

export async function addAdmins(
  context: MaxContext,
  chatId: MaxId,
  admins: readonly AdminGrant[],
  options: CallOptions = {},
): Promise<void> {
  const id = checkChatId(chatId);
  if (!Array.isArray(admins as unknown) || admins.length === 0 || admins.length > 100) {
    throw new MaxInputError('admins', 'list-1-100', {
      ru: 'Нужен список от 1 до 100 администраторов.',
      en: 'Expected a list of 1 to 100 admins.',
    });
  }
  const body = admins.map((admin: AdminGrant, index: number) => {
    if (!Array.isArray(admin.permissions as unknown)) {
      throw new MaxInputError(`admins[${index}].permissions`, 'list', {
        ru: 'permissions — список прав администратора.',
        en: 'permissions is a list of admin permissions.',
      });
    }
    const permissions: MaxPermission[] = [...new Set(admin.permissions)];
    const unknown = permissions.find((permission) => !KNOWN.has(permission));
    if (unknown !== undefined) {
      throw new MaxInputError(`admins[${index}].permissions`, 'permission', {
        ru: `Неизвестное право; допустимы: ${MAX_PERMISSIONS.join(', ')}.`,
        en: `Unknown permission; valid: ${MAX_PERMISSIONS.join(', ')}.`,
      });
    }
    if (admin.alias !== undefined && (typeof admin.alias !== 'string' || admin.alias.length > 64)) {
      throw new MaxInputError(`admins[${index}].alias`, 'max-length-64', {
        ru: 'Подпись администратора — строка до 64 символов.',
        en: 'An admin alias is a string of at most 64 characters.',
      });
    }
    return {
      user_id: checkUserId(admin.userId, `admins[${index}].userId`),
      permissions,
      ...(admin.alias === undefined ? {} : { alias: admin.alias }),
    };
  });
  await maxCall(context, {
    method: 'POST',
    path: `/chats/${id}/members/admins`,
    json: { admins: body },
    schema: successSchema,
    retry: REPEATABLE,
    ...signalOf(options),
  });
}

export async function removeAdmin(
  context: MaxContext,
  chatId: MaxId,
  userId: MaxId,
  options: CallOptions = {},
): Promise<void> {
  const id = checkChatId(chatId);
  const user = checkUserId(userId);
  await maxCall(context, {
    method: 'DELETE',
    path: `/chats/${id}/members/admins/${user}`,
    schema: successSchema,
    ...signalOf(options),
  });
}

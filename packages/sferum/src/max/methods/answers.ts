/**
 * `POST /answers?callback_id=`: the bot's answer to a pressed button — a new message replacing the one
 * with the keyboard, a short notification shown to the user, or both.
 */
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { checkOpaqueId } from '../ids.js';
import { successSchema } from '../schemas.js';
import { signalOf } from './bot.js';
import { messageBody, type NewMessage } from './messages.js';

export interface CallbackAnswer {
  message?: NewMessage;
  notification?: string;
}

export async function answerCallback(
  context: MaxContext,
  callbackId: string,
  answer: CallbackAnswer,
  options: CallOptions = {},
): Promise<void> {
  const id = checkOpaqueId(callbackId, 'callbackId');
  const body: Record<string, unknown> = {};
  if (answer.message !== undefined) {
    body.message = messageBody(answer.message, true);
  }
  if (answer.notification !== undefined) {
    if (typeof answer.notification !== 'string' || answer.notification.length > 4000) {
      throw new MaxInputError('notification', 'max-length-4000', {
        ru: 'Уведомление — строка до 4000 символов.',
        en: 'A notification is a string of at most 4000 characters.',
      });
    }
    body.notification = answer.notification;
  }
  if (Object.keys(body).length === 0) {
    throw new MaxInputError('answer', 'required', {
      ru: 'Ответ на нажатие — message, notification или оба.',
      en: 'A callback answer carries message, notification or both.',
    });
  }
  await maxCall(context, {
    method: 'POST',
    path: '/answers',
    query: { callback_id: id },
    json: body,
    schema: successSchema,
    ...signalOf(options),
  });
}

/**
 * The CLI's text: the plan as a table like the school system's registry («Всего N»: title, type,
 * class, subject, % linked, what happens), a progress bar for apply, and ✓/✗ per member.
 */
import type { ApplyResult, PlannedChat, SyncPlan } from '@goskit/sferum';

const STATUS: Record<PlannedChat['status'], string> = {
  new: 'создать',
  reconcile: 'найден после сбоя',
  'in-sync': 'в порядке',
  changes: 'изменить',
  'awaiting-person': 'создаст человек',
  lost: 'потерян',
};

const ROLE: Record<string, string> = { teacher: 'учитель', parent: 'родитель', pupil: 'ученик' };

/** Why the messenger refused to add someone, in a few words. */
const REFUSAL: Record<string, string> = {
  privacy: 'настройки приватности',
  restricted: 'ограничение MAX с 09.09.2026: добавить можно только тех, кто писал боту',
  'not-found': 'пользователь не найден',
  'no-access': 'у бота нет права добавлять участников',
  'not-allowed': 'мессенджер не разрешил',
};

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max([...title].length, ...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column] ?? 0)).join(' │ ');
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** What happens to one chat, in a few words. */
function action(plan: SyncPlan, chat: PlannedChat): string {
  const steps = plan.steps.filter((step) => step.key === chat.key && step.actor === 'sync');
  const rename = steps.find((step) => step.kind === 'rename-chat');
  const parts = [STATUS[chat.status]];
  if (rename?.kind === 'rename-chat') {
    parts.push(`переименовать из «${rename.from}»`);
  }
  const adds = steps.filter((step) => step.kind === 'add-member').length;
  const removes = steps.filter((step) => step.kind === 'remove-member').length;
  if (adds > 0) {
    parts.push(`+${adds}`);
  }
  if (removes > 0) {
    parts.push(`−${removes}`);
  }
  return parts.join(', ');
}

/** The plan as the registry's table; `network` names the messenger in the summary ('VK', 'MAX'). */
export function planTable(plan: SyncPlan, network = 'VK'): string {
  const rows = plan.chats.map((chat) => [
    chat.title,
    chat.type,
    chat.className ?? '',
    chat.subjectName ?? '',
    `${Math.round(chat.linkedPercent)} %`,
    action(plan, chat),
  ]);
  const { summary } = plan;
  return [
    table(['Название чата', 'Тип', 'Класс', 'Предмет', 'Привязано', 'План'], rows),
    `Всего ${summary.chats}: создать ${summary.create}, переименовать ${summary.rename}, ` +
      `добавить ${summary.addMembers}, убрать ${summary.removeMembers}; операций в ${network} ${summary.operations}, ` +
      `записей реестра ${summary.registryUpdates}; ${personMustCreate(summary.personMustCreate)}ждут привязки профиля ${summary.mustLink}, ` +
      `вступления по ссылке ${summary.joinByInvite}; привязано ${Math.round(summary.linkedPercent)} %`,
  ].join('\n');
}

function personMustCreate(count: number): string {
  return count > 0 ? `создаст человек ${count}; ` : '';
}

/** `[██████░░░░] 12/20` — one line, redrawn in place on a terminal. */
export function progressBar(completed: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : completed / total;
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${completed}/${total} шагов`;
}

/**
 * ✓/✗ per member of every chat, with what each ✗ must do. A member the messenger refused during
 * `apply` (or in an earlier run) is ✗ with the reason and joins by the chat's link.
 */
export function memberMarks(plan: SyncPlan, result: ApplyResult | undefined): string {
  const refusedNow = new Map(
    (result?.refusedMembers ?? []).map((member) => [`${member.key} ${member.personId ?? ''}`, member]),
  );
  const lines: string[] = [];
  for (const chat of plan.chats) {
    const link = result?.inviteLinks.get(chat.key);
    const waiting = chat.status === 'awaiting-person' ? ' — чат ещё не создан' : '';
    lines.push(`${chat.title}${link ? ` — ссылка-приглашение ${link}` : ''}${waiting}`);
    for (const member of chat.members) {
      const role = ROLE[member.role] ?? member.role;
      const refusal = refusedNow.get(`${chat.key} ${member.personId}`)?.reason ?? member.refusal?.reason;
      const mark = refusal === undefined ? member.mark : '✗';
      const what =
        member.action === 'must-link'
          ? ' — привязать учебный профиль'
          : refusal !== undefined
            ? ` — отказ: ${REFUSAL[refusal] ?? refusal}; вступить по ссылке`
            : member.action === 'join-by-invite'
              ? ' — вступить по ссылке'
              : '';
      lines.push(`  ${mark} ${member.name} (${role})${what}`);
    }
  }
  return lines.join('\n');
}

/** What people must create in MAX: each chat's exact title and its one-time code. */
export function personMustCreateList(plan: SyncPlan): string {
  const lines: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'person-must-create') {
      lines.push(`  «${step.title}» — или код ${step.code} в чате под другим названием`);
    }
  }
  return lines.join('\n');
}

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

export function planTable(plan: SyncPlan): string {
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
      `добавить ${summary.addMembers}, убрать ${summary.removeMembers}; операций в VK ${summary.operations}, ` +
      `записей реестра ${summary.registryUpdates}; ждут привязки профиля ${summary.mustLink}, ` +
      `вступления по ссылке ${summary.joinByInvite}; привязано ${Math.round(summary.linkedPercent)} %`,
  ].join('\n');
}

/** `[██████░░░░] 12/20` — one line, redrawn in place on a terminal. */
export function progressBar(completed: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : completed / total;
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${completed}/${total} шагов`;
}

/** ✓/✗ per member of every chat, with what each ✗ must do. */
export function memberMarks(plan: SyncPlan, result: ApplyResult | undefined): string {
  const lines: string[] = [];
  for (const chat of plan.chats) {
    const link = result?.inviteLinks.get(chat.key);
    lines.push(`${chat.title}${link ? ` — ссылка-приглашение ${link}` : ''}`);
    for (const member of chat.members) {
      const role = ROLE[member.role] ?? member.role;
      const what =
        member.action === 'must-link'
          ? ' — привязать учебный профиль'
          : member.action === 'join-by-invite'
            ? ' — вступить по ссылке'
            : '';
      lines.push(`  ${member.mark} ${member.name} (${role})${what}`);
    }
  }
  return lines.join('\n');
}

/**
 * Chat titles from templates the school can change. Placeholders: `{school}` (short name),
 * `{schoolFull}`, `{class}` ('1А'), `{grade}`, `{letter}`, `{subject}`; a function may build the
 * title instead. Defaults follow the registry of the seed: «Демо школа - 1А - Чат класса».
 * Templates are parsed once with a bounded pattern; a title must come out non-empty, single-line
 * and within the transport's length.
 */
import { SyncError, type SyncIssue } from '../errors/sync-error.js';
import { hasControlCharacters } from '../util/clean-text.js';
import type { ChatType } from './chat-types.js';

export interface TitleContext {
  type: ChatType;
  school: string;
  schoolFull: string;
  class?: string;
  grade?: number;
  letter?: string;
  subject?: string;
}

export type TitleTemplate = string | ((context: TitleContext) => string);
export type TitleTemplates = Partial<Record<ChatType, TitleTemplate>>;

export const DEFAULT_TITLE_TEMPLATES: Readonly<Record<ChatType, string>> = Object.freeze({
  CLASS: '{school} - {class} - Чат класса',
  PARENTS: '{school} - {class} - Чат родителей',
  TEACHER: '{school} - Чат учителей',
  SUBJECT: '{school} - {class} - {subject}',
});

const PLACEHOLDERS: Readonly<Record<ChatType, ReadonlySet<string>>> = {
  CLASS: new Set(['school', 'schoolFull', 'class', 'grade', 'letter']),
  PARENTS: new Set(['school', 'schoolFull', 'class', 'grade', 'letter']),
  TEACHER: new Set(['school', 'schoolFull']),
  SUBJECT: new Set(['school', 'schoolFull', 'class', 'grade', 'letter', 'subject']),
};

const PLACEHOLDER = /\{([A-Za-z]{1,20})\}/g;
const MAX_TEMPLATE = 500;

export type CompiledTemplate = (context: TitleContext) => string;

function compile(type: ChatType, template: TitleTemplate, issues: SyncIssue[]): CompiledTemplate {
  const path = `templates.${type}`;
  if (typeof template === 'function') {
    return template;
  }
  if (typeof template !== 'string' || template.length === 0 || template.length > MAX_TEMPLATE) {
    issues.push({
      path,
      rule: 'template-text',
      message: {
        ru: `Шаблон — непустая строка до ${MAX_TEMPLATE} символов или функция.`,
        en: `A template is a non-empty string of up to ${MAX_TEMPLATE} characters, or a function.`,
      },
    });
    return () => '';
  }
  const parts: (string | { field: keyof TitleContext })[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const field = match[1] as string;
    if (!PLACEHOLDERS[type].has(field)) {
      issues.push({
        path,
        rule: 'unknown-placeholder',
        message: {
          ru: `Шаблон ${type} не знает поля {${field}}; доступны: ${[...PLACEHOLDERS[type]].map((f) => `{${f}}`).join(', ')}.`,
          en: `Template ${type} has no field {${field}}; available: ${[...PLACEHOLDERS[type]].map((f) => `{${f}}`).join(', ')}.`,
        },
      });
    }
    parts.push(template.slice(last, match.index), { field: field as keyof TitleContext });
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(template.slice(last));
  return (context) =>
    parts.map((part) => (typeof part === 'string' ? part : String(context[part.field] ?? ''))).join('');
}

/** Compiles the school's templates over the defaults; every broken rule at once. */
export function compileTemplates(templates: TitleTemplates | undefined): Record<ChatType, CompiledTemplate> {
  const issues: SyncIssue[] = [];
  const merged = { ...DEFAULT_TITLE_TEMPLATES, ...templates };
  const compiled = {
    CLASS: compile('CLASS', merged.CLASS, issues),
    PARENTS: compile('PARENTS', merged.PARENTS, issues),
    TEACHER: compile('TEACHER', merged.TEACHER, issues),
    SUBJECT: compile('SUBJECT', merged.SUBJECT, issues),
  };
  if (issues.length > 0) {
    throw new SyncError('INVALID_TEMPLATE', 'a title template is unusable', { issues });
  }
  return compiled;
}

/** Renders and checks one title: trimmed, inner whitespace collapsed, single-line, 1..maxLength. */
export function renderTitle(
  template: CompiledTemplate,
  context: TitleContext,
  maxLength: number,
  key: string,
): string {
  const raw = template(context);
  const title = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  if (title === '' || title.length > maxLength || hasControlCharacters(title)) {
    throw new SyncError('INVALID_TEMPLATE', `the title of ${key} is unusable`, {
      issues: [
        {
          path: `templates.${context.type}`,
          rule: 'title-length',
          message: {
            ru: `Название чата должно получиться непустым и не длиннее ${maxLength} символов.`,
            en: `The chat title must come out non-empty and at most ${maxLength} characters long.`,
          },
        },
      ],
    });
  }
  return title;
}

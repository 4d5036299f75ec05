/** HTML building blocks for the dashboard: everything interpolated goes through `escapeHtml`. */
import { escapeHtml } from '../engine/escape-html.js';

export { escapeHtml };

/** Tagged template that escapes interpolations unless they are already-rendered `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Trusted markup written in this package (style sheet, script) — never data. */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) {
    out += renderValue(values[i]) + (strings[i + 1] as string);
  }
  return new Html(out);
}

function renderValue(value: unknown): string {
  if (value instanceof Html) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(renderValue).join('');
  }
  if (value === undefined || value === null || value === false) {
    return '';
  }
  return escapeHtml(value);
}

/** Bilingual label: Russian first, English after, as the audience reads both. */
export function label(ru: string, en: string): Html {
  return html`${ru} <span class="en">/ ${en}</span>`;
}

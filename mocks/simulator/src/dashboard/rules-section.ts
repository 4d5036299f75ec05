/**
 * The fault rules in force (added in code, over the control API or by a teammate's script): a rule
 * fires silently otherwise, and a person puzzling over a 503 should see it next to the scenarios.
 */
import type { FaultRule } from '../engine/types.js';
import { type Html, html, label } from './html.js';

function matchText(rule: FaultRule): string {
  const parts = [
    rule.portal,
    rule.operation,
    rule.method,
    rule.path instanceof RegExp ? `/${rule.path.source}/` : rule.path,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(' · ') : 'всё / everything';
}

function whenText(rule: FaultRule): string {
  const parts: string[] = [];
  if (rule.probability !== undefined) {
    parts.push(`p=${rule.probability}`);
  }
  if (rule.firstN !== undefined) {
    parts.push(`first ${rule.firstN}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'always';
}

export function renderRules(rules: readonly FaultRule[]): Html {
  const rows = rules.map(
    (
      rule,
    ) => html`<tr data-rule="${rule.id ?? ''}"><td><code>${rule.id ?? ''}</code></td><td class="mono">${matchText(rule)}</td>
<td>${whenText(rule)}</td><td class="mono">${JSON.stringify(rule.effect)}</td>
<td><button data-post="/__goskit/rules/${encodeURIComponent(rule.id ?? '')}" data-method="DELETE">${label('Удалить', 'Remove')}</button></td></tr>`,
  );
  const body =
    rules.length === 0
      ? html`<p class="muted">${label('Правил нет', 'No rules')} — <code>POST /__goskit/rules</code></p>`
      : html`<table><thead><tr><th>id</th><th>${label('Запросы', 'match')}</th><th>${label('Когда', 'when')}</th><th>${label('Эффект', 'effect')}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="row"><button data-post="/__goskit/rules" data-method="DELETE">${label('Удалить все', 'Remove all')}</button></div>`;
  return html`<section><h2>${label('Правила сбоев', 'Fault rules')}</h2>${body}</section>`;
}

import type { Simulator } from '../engine/types.js';
import { html, label } from './html.js';
import { layout } from './layout.js';
import { renderPortalPanels } from './portal-panels.js';
import { renderRules } from './rules-section.js';

const ADVANCE_STEPS: readonly [string, string][] = [
  ['PT1M', '+1 мин'],
  ['PT1H', '+1 ч'],
  ['P1D', '+1 день'],
];

const MOSCOW = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  dateStyle: 'long',
  timeStyle: 'medium',
});

/** The portals live on Moscow time; the ISO value is shown beside it for copying. */
function moscowTime(date: Date): string {
  return MOSCOW.format(date);
}

/** Portals with their base URLs, the virtual clock, scenario toggles, fault rules and the seed. */
export function renderOverview(sim: Simulator, origin: string): string {
  const portals = sim.portals.map(
    (
      portal,
    ) => html`<tr><td><strong>${portal.name}</strong></td><td>${portal.docs === undefined ? portal.title : html`<a href="${portal.docs}">${portal.title}</a>`}</td>
<td><a class="mono" href="${origin + portal.prefix}">${origin + portal.prefix}</a></td><td>${portal.routes.length}</td></tr>`,
  );
  const scenarios = sim.faults.scenarios().map((scenario) => {
    const action = scenario.active ? 'disable' : 'enable';
    return html`<tr data-scenario="${scenario.name}"><td><code>${scenario.name}</code></td><td>${scenario.description}</td>
<td><span class="badge ${scenario.active ? 'on' : ''}">${scenario.active ? 'вкл / on' : 'выкл / off'}</span></td>
<td><button data-post="/__goskit/scenarios/${encodeURIComponent(scenario.name)}/${action}" ${scenario.active ? '' : html`class="primary"`}>
${scenario.active ? 'Выключить / Disable' : 'Включить / Enable'}</button></td></tr>`;
  });
  const steps = ADVANCE_STEPS.map(
    ([duration, text]) =>
      html`<button data-post="/__goskit/clock/advance" data-body='{"duration":"${duration}"}'>${text}</button>`,
  );
  const content = html`
<section><h2>${label('Порталы', 'Portals')}</h2>
<table><thead><tr><th>${label('Имя', 'name')}</th><th>${label('Портал', 'portal')}</th><th>${label('Базовый URL', 'base URL')}</th><th>${label('Маршруты', 'routes')}</th></tr></thead>
<tbody>${portals}</tbody></table>
<p class="muted">${label('Управление', 'control API')}: <a class="mono" href="${origin}/__goskit/">${origin}/__goskit/</a></p></section>
${renderPortalPanels(sim, origin)}
<section><h2>${label('Виртуальные часы', 'Virtual clock')}</h2>
<p><strong>${moscowTime(sim.clock.date())}</strong> <span class="muted">МСК · <code id="clock-now">${sim.clock.date().toISOString()}</code></span></p>
<div class="row">${steps}
<form data-post="/__goskit/clock/advance" class="row"><input name="duration" placeholder="PT30M" aria-label="duration" size="10" required>
<button type="submit">${label('Сдвинуть', 'Advance')}</button></form></div></section>
<section><h2>${label('Сценарии сбоев', 'Fault scenarios')}</h2>
<table><thead><tr><th>${label('Сценарий', 'scenario')}</th><th>${label('Описание', 'description')}</th><th>${label('Статус', 'state')}</th><th></th></tr></thead>
<tbody>${scenarios}</tbody></table></section>
${renderRules(sim.faults.rules())}
<section><h2>${label('Сид и сброс', 'Seed and reset')}</h2>
<div class="row"><form data-post="/__goskit/seed" class="row"><input name="seed" value="${sim.seed}" aria-label="seed" required>
<button type="submit">${label('Новый сид', 'Re-seed')}</button></form>
<button data-post="/__goskit/reset">${label('Сбросить состояние', 'Reset state')}</button>
<span class="muted">${label('Журнал', 'journal')}: ${sim.journal.size} / ${sim.journal.capacity}</span></div></section>`;
  return layout(sim, 'overview', 'Обзор', content);
}

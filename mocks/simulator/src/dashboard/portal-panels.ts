/**
 * Each portal's own dashboard section (`PortalDefinition.dashboard`): the dashboard knows no portal,
 * it renders what the loaded ones bring. A panel that throws shows its error instead of breaking the page.
 */
import { portalRuntimeOf } from '../engine/portal-runtime-of.js';
import type { Simulator } from '../engine/types.js';
import { Html, html } from './html.js';

export function renderPortalPanels(sim: Simulator, origin: string): Html[] {
  return sim.portals.flatMap((portal) => {
    const panel = portal.dashboard;
    if (panel === undefined) {
      return [];
    }
    let body: Html;
    try {
      // The panel's own markup: the PortalDefinition contract says it escapes what comes from state.
      body = new Html(
        panel.render({ state: sim.portalState(portal.name), sim: portalRuntimeOf(sim, portal.name), origin }),
      );
    } catch (error) {
      body = html`<p class="muted">panel failed: ${error instanceof Error ? error.message : String(error)}</p>`;
    }
    return [html`<section data-portal="${portal.name}"><h2>${panel.title}</h2>${body}</section>`];
  });
}

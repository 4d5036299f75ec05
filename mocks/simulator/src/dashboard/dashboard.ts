import type { SimResponse, Simulator } from '../engine/types.js';
import { renderJournal } from './journal-page.js';
import { renderOverview } from './overview-page.js';
import { renderPersonas } from './personas-page.js';

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
} as const;

/** Serves the dashboard pages; returns undefined for paths that are not the dashboard's. */
export function createDashboard(sim: Simulator) {
  return function dashboard(path: string, origin: string): SimResponse | undefined {
    switch (path) {
      case '/':
        return page(renderOverview(sim, origin));
      case '/journal':
        return page(renderJournal(sim));
      case '/personas':
        return page(renderPersonas(sim));
      case '/favicon.ico':
        return { status: 204, headers: { 'cache-control': 'max-age=86400' } };
      default:
        return undefined;
    }
  };
}

function page(body: string): SimResponse {
  return { status: 200, headers: { ...HTML_HEADERS }, body };
}

import type { Simulator } from '../engine/types.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { type Html, html, label, raw } from './html.js';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f4f6fa}
header{background:#0d4cd3;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header h1{font-size:19px;margin:0}header nav a{color:#fff;margin-right:16px;text-decoration:none;opacity:.85}
header nav a[aria-current=page]{opacity:1;border-bottom:2px solid #fff}header .en{color:#c9d8ff}
#journal td:first-child{white-space:nowrap}header .meta{margin-left:auto;font-size:13px}
main{max-width:1200px;margin:0 auto;padding:16px 24px}
section{background:#fff;border-radius:8px;padding:14px 18px;margin:0 0 16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{font-size:17px;margin:0 0 10px}.en{color:#6b7486;font-weight:normal}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e6e9ef;vertical-align:top}
th{font-size:13px;color:#535c6e;font-weight:600}code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
td.mono,button{white-space:nowrap}button{font:inherit;font-size:13px;padding:4px 10px;border-radius:5px;border:1px solid #0d4cd3;background:#fff;color:#0d4cd3;cursor:pointer}
button.primary{background:#0d4cd3;color:#fff}button:hover{filter:brightness(.93)}
input{font:inherit;font-size:13px;padding:4px 6px;border:1px solid #c5cbd6;border-radius:5px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#e6e9ef;color:#535c6e}
.badge.on{background:#d9f2e3;color:#13703a}.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.s2{color:#13703a}.s3{color:#535c6e}.s4{color:#b35900}.s5{color:#c0262d;font-weight:600}
#error{display:none;background:#fde8e8;color:#8f1d1d;padding:8px 12px;border-radius:6px;margin-bottom:12px}
.muted{color:#6b7486;font-size:13px}`;

export type PageName = 'overview' | 'journal' | 'personas';

const NAV: readonly [PageName, string, string, string][] = [
  ['overview', '/', 'Обзор', 'Overview'],
  ['journal', '/journal', 'Журнал', 'Journal'],
  ['personas', '/personas', 'Персоны', 'Personas'],
];

/** Page frame: header with navigation, seed and virtual time; one inline style and script. */
export function layout(sim: Simulator, page: PageName, title: string, content: Html): string {
  const nav = NAV.map(
    ([name, href, ru, en]) =>
      html`<a href="${href}" ${name === page ? html`aria-current="page"` : ''}>${ru} <span class="en">/ ${en}</span></a>`,
  );
  return html`<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · goskit-sim</title><style>${raw(STYLE)}</style></head>
<body><header><h1>goskit-sim</h1><nav>${nav}</nav>
<div class="meta">${label('Сид', 'seed')}: <code>${sim.seed}</code> · ${label('Время', 'time')}:
<code id="clock">${sim.clock.date().toISOString()}</code></div></header>
<main><div id="error" role="alert"></div>${content}</main>
<script>${raw(CLIENT_SCRIPT)}</script></body></html>`.value;
}

/** The frame of VK ID's pages (login, profile chooser, data access, errors). */
import { escapeHtml } from '../../engine/escape-html.js';

export { escapeHtml };

const STYLE = `body{margin:0;font-family:-apple-system,Roboto,Arial,sans-serif;background:#ebedf0;color:#000}
main{max-width:400px;margin:40px auto;background:#fff;border-radius:16px;padding:28px 32px;box-shadow:0 2px 12px #0001}
.brand{font-weight:700;color:#0077ff;margin-bottom:16px}h1{font-size:20px;margin:0 0 16px}
label{display:block;margin:10px 0}input[type=text]{width:100%;box-sizing:border-box;padding:11px;border:1px solid #dce1e6;border-radius:8px;font-size:15px}
.option{display:flex;gap:10px;align-items:center;border:1px solid #dce1e6;border-radius:10px;padding:12px;margin:8px 0}
.option.disabled{color:#99a2ad}.hint{color:#818c99;font-size:13px}.error{background:#ffeded;border-radius:8px;padding:10px;margin:8px 0}
button{width:100%;margin-top:14px;padding:12px;border:0;border-radius:10px;background:#0077ff;color:#fff;font-size:15px;cursor:pointer}
button.secondary{background:#f2f3f5;color:#0077ff}ul.accounts{list-style:none;padding:0}ul.accounts li{margin:4px 0}`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><div class="brand">VK ID (симулятор goskit)</div>
${body}
</main></body></html>`;
}

/** HTML escaping and the page frame shared by the login, consent and logout pages. */
import { escapeHtml } from '../../engine/escape-html.js';

export { escapeHtml };

const STYLE = `body{margin:0;font-family:Lato,Arial,sans-serif;background:#f5f7fa;color:#0b1f33}
header{background:#fff;border-bottom:1px solid #e1e5eb;padding:12px 24px;font-weight:700;color:#0d4cd3}
main{max-width:460px;margin:32px auto;background:#fff;border-radius:8px;padding:24px 32px;box-shadow:0 1px 4px #0002}
h1{font-size:22px;margin:0 0 16px}label{display:block;margin:12px 0 4px;font-size:14px}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c1c8d1;border-radius:4px;font-size:16px}
button{margin-top:16px;padding:10px 20px;border:0;border-radius:4px;background:#0d4cd3;color:#fff;font-size:16px;cursor:pointer}
button.secondary{background:#e4ecfd;color:#0d4cd3}button:disabled{background:#c1c8d1;color:#fff;cursor:not-allowed}.error{background:#fee;border:1px solid #e88;padding:8px;border-radius:4px;margin:8px 0}
.hint{color:#66727f;font-size:13px}ul.personas{list-style:none;padding:0}ul.personas li{margin:4px 0}
ul.scopes li{margin:6px 0}footer{text-align:center;color:#66727f;font-size:12px;margin:16px}`;

/** A full page: title, body HTML (already escaped by the caller). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header>госуслуги · ЕСИА (симулятор goskit)</header><main>
${body}
</main><footer>Тестовый стенд goskit — не вводите настоящие данные.</footer></body></html>`;
}

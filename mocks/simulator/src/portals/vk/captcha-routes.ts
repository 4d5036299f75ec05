/**
 * What a person sees of a captcha: GET /captcha.php?sid= (the legacy picture, an SVG with the text
 * to type) and GET/POST /not_robot_captcha?session_token= (the new «Я не робот» page, which hands out
 * the success_token to retry with). On the api host, beside /method [the real page is on id.vk.com].
 */
import { escapeHtml } from '../../engine/escape-html.js';
import { html, text } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import type { VkState } from './state.js';

function frame(title: string, body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:Arial,sans-serif;background:#edeef0;margin:0}main{max-width:420px;margin:48px auto;background:#fff;border-radius:12px;padding:24px}
button{background:#0077ff;color:#fff;border:0;border-radius:8px;padding:10px 20px;font-size:15px;cursor:pointer}code{word-break:break-all}</style>
</head><body><main>${body}</main></body></html>`;
}

export const captchaRoutes: RouteDefinition<VkState>[] = [
  {
    method: 'GET',
    path: '/captcha.php',
    operation: 'captcha.image',
    handler: ({ state, request }) => {
      const challenge = state.captchas.get(request.query.get('sid') ?? '');
      if (challenge === undefined || challenge.form !== 'legacy') {
        return text('captcha not found', 404);
      }
      const letters = [...challenge.answer]
        .map(
          (letter, i) =>
            `<text x="${14 + i * 24}" y="${30 + (i % 2) * 6}" transform="rotate(${(i % 3) * 6 - 6} ${14 + i * 24} 30)">${escapeHtml(letter)}</text>`,
        )
        .join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="130" height="50" font-family="Arial" font-size="26" fill="#2a5885"><rect width="130" height="50" fill="#f5f5f5"/>${letters}</svg>`;
      return { status: 200, headers: { 'content-type': 'image/svg+xml' }, body: svg };
    },
  },
  {
    method: 'GET',
    path: '/not_robot_captcha',
    operation: 'captcha.page',
    handler: ({ state, request }) => {
      const token = request.query.get('session_token') ?? '';
      const challenge = state.captchas.get(token);
      if (challenge === undefined || challenge.form !== 'redirect') {
        return html(frame('Проверка', '<p>Проверка устарела. Повторите действие.</p>'), 404);
      }
      return html(
        frame(
          'Подтвердите, что вы не робот',
          `<h1>Подтвердите, что вы не робот</h1>
<form method="post" action="${escapeHtml(`${request.baseUrl}/not_robot_captcha`)}">
<input type="hidden" name="session_token" value="${escapeHtml(token)}">
<button type="submit">Я не робот</button></form>`,
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/not_robot_captcha',
    operation: 'captcha.check',
    handler: ({ state, request }) => {
      const form = new URLSearchParams(new TextDecoder().decode(request.body ?? new Uint8Array()));
      const token = form.get('session_token') ?? request.query.get('session_token') ?? '';
      const challenge = state.captchas.get(token);
      if (challenge === undefined || challenge.form !== 'redirect') {
        return html(frame('Проверка', '<p>Проверка устарела. Повторите действие.</p>'), 404);
      }
      if (/application\/json/i.test(request.headers.accept ?? '')) {
        return {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ success_token: challenge.successToken }),
        };
      }
      return html(
        frame(
          'Готово',
          `<h1>Готово</h1><p>Повторите запрос с параметром success_token:</p><p><code id="success-token">${escapeHtml(challenge.successToken)}</code></p>`,
        ),
      );
    },
  },
];

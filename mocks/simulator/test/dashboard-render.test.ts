import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { createDashboard } from '../src/dashboard/dashboard.js';
import { escapeHtml, html } from '../src/dashboard/html.js';
import { maskSnils } from '../src/dashboard/personas-page.js';
import { definePortal } from '../src/engine/define-portal.js';
import { counterPortal } from './server-support.js';

describe('dashboard rendering', () => {
  it('escapes every interpolated value', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    );
    expect(html`<p title="${'"><img src=x>'}">${['<b>', html`<i>ok</i>`]}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x&gt;">&lt;b&gt;<i>ok</i></p>',
    );
  });

  it('lists fault rules with what they match and do, escaped, each with a remove button', () => {
    const sim = createSimulator({ seed: 'rules', portals: [counterPortal], strictContracts: false });
    const dashboard = createDashboard(sim);
    expect(String(dashboard('/', 'http://127.0.0.1:4010')?.body)).toContain('POST /__goskit/rules');
    sim.faults.addRule({
      id: 'r<1>',
      portal: 'counter',
      path: /^\/hits/,
      firstN: 2,
      effect: { status: 503 },
    });
    sim.faults.addRule({ probability: 0.5, effect: { delayMs: 100 } });
    const body = String(dashboard('/', 'http://127.0.0.1:4010')?.body);
    expect(body).toContain('<tr data-rule="r&lt;1&gt;"><td><code>r&lt;1&gt;</code>');
    expect(body).toContain('counter · /^\\/hits/');
    expect(body).toContain('first 2');
    expect(body).toContain('{&quot;status&quot;:503}');
    expect(body).toContain('data-post="/__goskit/rules/r%3C1%3E" data-method="DELETE"');
    expect(body).toContain('p=0.5');
    expect(body).not.toContain('<1>');
  });

  it('masks СНИЛС down to the last two digits', () => {
    expect(maskSnils('112-233-445 95')).toBe('***-***-*** 95');
  });

  it('renders portal titles and scenario text from the simulator as text, not markup', () => {
    const hostile = definePortal({
      ...counterPortal,
      name: 'evil',
      title: '<img src=x onerror=alert(1)>',
      prefix: '/evil',
    });
    const sim = createSimulator({ seed: 'render', portals: [hostile], strictContracts: false });
    const dashboard = createDashboard(sim);
    const page = dashboard('/', 'http://127.0.0.1:4010');
    expect(page?.status).toBe(200);
    const body = String(page?.body);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('http://127.0.0.1:4010/evil');
    expect(page?.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('personas page lists every persona with a masked СНИЛС and never the number', () => {
    const sim = createSimulator({ seed: 'render', portals: [counterPortal], strictContracts: false });
    const body = String(createDashboard(sim)('/personas', 'http://x')?.body);
    for (const persona of sim.demo.personas) {
      expect(body).toContain(escapeHtml(persona.lastName));
      expect(body).not.toContain(persona.snils);
    }
  });

  it('answers only its own paths', () => {
    const sim = createSimulator({ seed: 'render', portals: [counterPortal], strictContracts: false });
    const dashboard = createDashboard(sim);
    expect(dashboard('/journal', 'http://x')?.status).toBe(200);
    expect(dashboard('/favicon.ico', 'http://x')?.status).toBe(204);
    expect(dashboard('/nope', 'http://x')).toBeUndefined();
  });
});

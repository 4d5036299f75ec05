/** Shared by the paragraf portal tests: a simulator with paragraf, vk and vkid, and SOAP calls through sim.handle. */
import { createSimulator } from '../src/create-simulator.js';
import type { SimResponse, Simulator } from '../src/engine/types.js';
import { paragrafPortal } from '../src/portals/paragraf/index.js';
import type { ParagrafPortalOptions } from '../src/portals/paragraf/options.js';
import { vkPortal } from '../src/portals/vk/index.js';
import { vkidPortal } from '../src/portals/vkid/index.js';
import { bodyOf, simRequest } from './fixtures/requests.js';

export function paragrafSim(options: ParagrafPortalOptions = {}, data?: Record<string, unknown>): Simulator {
  return createSimulator({
    seed: 'paragraf-test',
    portals: [paragrafPortal(options), vkPortal(), vkidPortal()],
    ...(data === undefined ? {} : { data }),
  });
}

export const NS = 'urn:goskit:paragraf:exchange:1';

export function envelope(login: string, password: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ex="${NS}"><soap:Header><ex:login>${login}</ex:login><ex:password>${password}</ex:password></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export function pupilXml(
  suid: string,
  extra: Partial<Record<'surname' | 'name' | 'class' | 'dob', string>> = {},
) {
  const f = { surname: 'Иванов', name: 'Пётр', class: '5 А', dob: '01.02.2015', ...extra };
  return `<ex:pupil><ex:suid>${suid}</ex:suid><ex:surname>${f.surname}</ex:surname><ex:name>${f.name}</ex:name><ex:class>${f.class}</ex:class><ex:dob>${f.dob}</ex:dob><ex:event directionType="IN"/></ex:pupil>`;
}

export async function soap(sim: Simulator, xml: string, contentType = 'text/xml; charset=utf-8') {
  const raw: SimResponse = await sim.handle(
    simRequest('/exchange', {
      portal: 'paragraf',
      method: 'POST',
      headers: { 'content-type': contentType },
      body: xml,
    }),
  );
  return { status: raw.status, text: bodyOf(raw), raw };
}

/** The text of the first `<ex:name>` / `<name>` element of an answer. */
export function field(xml: string, name: string): string | undefined {
  return new RegExp(`<(?:ex:)?${name}(?: [^>]*)?>([^<]*)</(?:ex:)?${name}>`).exec(xml)?.[1];
}

import { createSelfSignedCertificate, createSoftwareGostSigner, generateGostKeyPair } from '@goskit/crypto';
import { createGospochtaClient } from '@goskit/gospochta';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { gospochtaPortal, gospochtaService, DEMO_GOSPOCHTA_SECRET } from '../src/portals/gospochta/index.js';
import { writePdf } from '../src/portals/gospochta/files/pdf.js';

const sim = createSimulator({ seed: 'smoke', portals: [esiaPortal(), gospochtaPortal()] });
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
const sleep = async (ms: number) => { sim.clock.advance(ms); };

it('smoke', async () => {
  const svc = sim.service(gospochtaService);
  const trust = await svc.trust();
  const pair = generateGostKeyPair('tc26-256-A');
  const cert = createSelfSignedCertificate({ privateKey: pair.privateKey, subject: 'CN=Демо школа', days: 30, notBefore: new Date('2026-01-01') });
  const signer = createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: cert.pem });
  const client = (clientId: string) => createGospochtaClient({
    baseUrl: 'https://geps.test.gosuslugi.ru',
    auth: { type: 'client_credentials', clientId, clientSecret: DEMO_GOSPOCHTA_SECRET },
    packetKeys: { keys: svc.packetKeys(clientId) },
    clock: sim.clock, sleep,
    signer,
    portalCertificates: trust.portalCertificates,
    documentCertificates: trust.documentCertificates,
  });
  const school = client('demo-school');
  const parent = client('demo-parent-app');
  const ivanov = sim.demo.personas.find((p) => p.id === 'parent-ivanov')!;
  try {
  const sent = await school.outbox.send({
    recipient: { lastName: ivanov.lastName, firstName: ivanov.firstName, middleName: ivanov.middleName, snils: ivanov.snils },
    documentType: 'notice', subject: 'Уведомление', externalId: 'n-1',
    attachments: [{ name: 'notice.pdf', mediaType: 'application/pdf', content: writePdf({ title: 'Уведомление', lines: ['текст'], createdAt: sim.clock.now() }) }],
  });
  console.log(sent.letter.status);
  const delivered = await school.outbox.waitForStatus(sent.letter.id);
  console.log(delivered.status, delivered.statusHistory);
  const act = await school.outbox.deliveryAct(sent.letter.id, { letter: delivered });
  const pdf = await school.outbox.deliveryActPdf(sent.letter.id, act);
  console.log(act.act.legalFact, act.signedBy, pdf.length);
  const inbox = await parent.letters.listInbox();
  console.log(inbox.items.map((i) => `${i.id} ${i.subject}`));
  const mine = inbox.items.find((i) => i.subject === 'Уведомление')!;
  const letter = await parent.letters.get(mine.id);
  for (const a of letter.attachments) { await parent.letters.downloadAttachment(letter.id, a); }
  const other = inbox.items.find((i) => i.documentType === 'tax-notice')!;
  const scanned = await parent.letters.get(other.id);
  for (const a of scanned.attachments) { const f = await parent.letters.downloadAttachment(scanned.id, a); console.log(a.kind, a.mediaType, f.bytes.length); }
  await parent.letters.markRead(mine.id);
  console.log((await school.outbox.get(sent.letter.id)).status, (await school.outbox.deliveryAct(sent.letter.id)).act.legalFact);
  const charges = await parent.payments.findCharges({ snils: ivanov.snils });
  console.log(charges.map((c) => `${c.uin} ${c.amount} ${c.amountToPay} ${c.status} ${c.purpose}`));
  const fee = charges.find((c) => c.uin.startsWith('031'))!;
  const paid = await parent.payments.pay({ uin: fee.uin, amount: fee.amountToPay, payer: { lastName: ivanov.lastName, firstName: ivanov.firstName, snils: ivanov.snils } });
  console.log(paid.payment, paid.receipt.signedBy);
  console.log((await parent.payments.receiptPdf(paid.payment.id, paid.receipt)).length);
  const req = await parent.documents.request({ kind: 'pension-statement' });
  const ready = await parent.documents.waitUntilReady(req.id, { intervalMs: 1000 });
  const doc = await parent.documents.download(ready.document!);
  console.log(ready.status, doc.signedBy, doc.bytes.length);
  } finally {
  console.log(sim.contractViolations());
  console.log(sim.journal.entries().filter(e => e.status >= 400).map(e => `${e.operation} ${e.status} ${e.responseBody?.slice(0,400)}`));
  }
}, 120_000);

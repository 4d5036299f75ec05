/**
 * `pnpm notice` and `pnpm pay [УИН]` against a running goskit-sim (`pnpm start` at the repository
 * root). Files go to ./out: the delivery act (JSON with its signature, and PDF), the receipt PDF, and
 * the УИН of the last notice for `pay` without an argument.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { noticeScene, paymentScene } from './demo.js';
import { linkToSimulator } from './simulator-link.js';

const simulatorUrl = process.env.GOSKIT_SIM_URL ?? 'http://127.0.0.1:4010';
const gospochtaUrl = process.env.GOSPOCHTA_URL ?? 'https://127.0.0.1:4443/gospochta';
const out = process.env.OUT_DIR ?? 'out';
const command = process.argv[2];

const link = await linkToSimulator({ simulatorUrl, gospochtaUrl });
mkdirSync(out, { recursive: true });
try {
  if (command === 'notice') {
    const scene = await noticeScene(link);
    writeFileSync(
      join(out, 'delivery-act.json'),
      JSON.stringify({ act: scene.act, signature: scene.signature }, null, 2),
    );
    writeFileSync(join(out, 'delivery-act.pdf'), scene.actPdf);
    writeFileSync(join(out, 'last-uin.txt'), scene.uin);
    console.log(`letter ${scene.letter.id}: ${scene.letter.status}`);
    console.log(
      `delivery act ${scene.act.actId} (signature verified) → ${join(out, 'delivery-act.json')}, .pdf`,
    );
    console.log(`fee УИН ${scene.uin} — now: pnpm --filter @goskit/example-gospochta-notices pay`);
  } else if (command === 'pay') {
    const uin = process.argv[3] ?? readFileSync(join(out, 'last-uin.txt'), 'utf8').trim();
    const result = await paymentScene(link, uin);
    writeFileSync(join(out, 'receipt.pdf'), result.receiptPdf);
    console.log(
      `payment ${result.payment.id}: ${result.payment.status}, ${result.payment.amount / 100} ₽ by УИН ${result.charge.uin}` +
        (result.replayed ? ' (already paid with this key: the same payment, not a new one)' : ''),
    );
    console.log(`receipt ${result.receipt.receiptId} (signature verified) → ${join(out, 'receipt.pdf')}`);
  } else {
    console.error('usage: tsx src/main.ts notice | pay [УИН]');
    process.exitCode = 2;
  }
} finally {
  await link.close();
}

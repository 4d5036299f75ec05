/**
 * The result document of an order whose service was provided: a tiny one-page PDF generated from the
 * order (goskit's own content), listed and addressed by order-files.ts (objectType 3).
 */
import type { EpguOrder } from './state.js';

const encoder = new TextEncoder();

/** A valid minimal PDF (ASCII only: the built-in Helvetica has no Cyrillic). */
export function resultPdf(order: EpguOrder): Uint8Array {
  const text = `goskit simulator: EPGU order ${order.id}, service ${order.serviceCode} - service provided`;
  const stream = `BT /F1 12 Tf 40 800 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) {
    pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encoder.encode(pdf);
}

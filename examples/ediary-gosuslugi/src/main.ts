/**
 * `pnpm --filter @goskit/example-ediary-gosuslugi start`: the e-diary on PORT (3000), linked to the
 * goskit-sim at SIMULATOR_URL (default http://127.0.0.1:4010, the one `pnpm … sim` starts).
 */
import { DEFAULT_SIMULATOR_URL, startEdiaryApp } from './server.js';

const report = (error: unknown) =>
  process.stderr.write(`ediary-gosuslugi: ${error instanceof Error ? error.message : String(error)}\n`);

let running: Awaited<ReturnType<typeof startEdiaryApp>>;
try {
  running = await startEdiaryApp({
    port: Number(process.env.PORT ?? 3000),
    simulatorUrl: process.env.SIMULATOR_URL ?? DEFAULT_SIMULATOR_URL,
    onError: report,
  });
} catch (error) {
  report(error);
  process.stderr.write(
    'Is the simulator running? Start it with `pnpm --filter @goskit/example-ediary-gosuslugi sim`.\n',
  );
  process.exit(1);
}
process.stdout.write(
  `The e-diary: ${running.url} — link it to Gosuslugi as «Иванов Иван Иванович»\n` +
    `Электронный дневник: ${running.url} — свяжите его с Госуслугами как «Иванов Иван Иванович»\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

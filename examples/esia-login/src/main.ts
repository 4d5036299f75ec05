/**
 * `pnpm --filter @goskit/example-esia-login start`: the app on PORT (3000), ESIA at ESIA_BASE_URL
 * (default http://127.0.0.1:4010/esia, the simulator of `pnpm start`). ESIA_SIMULATOR=in-process
 * starts the simulator inside this process instead (on SIM_PORT, default 4010).
 */
import { startInProcessSimulator } from './in-process-simulator.js';
import { DEFAULT_ESIA_BASE_URL, type StartOptions, startExampleApp } from './server.js';

const report = (error: unknown) =>
  process.stderr.write(`esia-login: ${error instanceof Error ? error.message : String(error)}\n`);

const inProcess =
  process.env.ESIA_SIMULATOR === 'in-process'
    ? await startInProcessSimulator(Number(process.env.SIM_PORT ?? 4010))
    : undefined;
const options: StartOptions = {
  port: Number(process.env.PORT ?? 3000),
  esiaBaseUrl: inProcess?.esiaBaseUrl ?? process.env.ESIA_BASE_URL ?? DEFAULT_ESIA_BASE_URL,
  onError: report,
  ...(inProcess ? { register: inProcess.register } : {}),
};
let running: Awaited<ReturnType<typeof startExampleApp>>;
try {
  running = await startExampleApp(options);
} catch (error) {
  report(error);
  process.stderr.write('Is the simulator running? Start it with `pnpm start` at the repository root.\n');
  process.exit(1);
}
process.stdout.write(
  `ESIA: ${running.esiaBaseUrl} (own GOST test certificate registered as ${running.clientId})\n` +
    `Open ${running.url} and sign in as «Иванов Иван Иванович»\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([running.close(), inProcess?.close()]).then(() => process.exit(0));
  });
}

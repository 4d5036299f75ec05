import { createServer } from 'node:http';
import { createApp } from './app.js';
import { startEsiaSimulator } from './simulator.js';

const port = Number(process.env.PORT ?? 3000);
const simulatorPort = Number(process.env.SIM_PORT ?? 4010);
const appUrl = `http://localhost:${port}`;

const esiaSide = await startEsiaSimulator(simulatorPort);
const handle = createApp(esiaSide, appUrl);
const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    process.stderr.write(`request failed: ${error instanceof Error ? error.message : String(error)}\n`);
  });
});
server.listen(port, () => {
  process.stdout.write(
    `ESIA simulator: ${esiaSide.baseUrl}\nOpen ${appUrl} and sign in as «Иванов Иван Иванович»\n`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void esiaSide.close().then(() => process.exit(0));
  });
}

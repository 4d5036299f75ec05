import { performance } from 'node:perf_hooks';
import { SIMULATOR_VERSION } from '../control/version.js';
import { createSimulator } from '../create-simulator.js';
import { listen } from '../server/listen.js';
import type { CreateSimulatorOptions } from '../simulator-options.js';
import { parseCliArgs, tlsPortOf, USAGE, UsageError } from './args.js';
import { DataFileError, loadDataFile } from './data-file.js';
import { loadPortals } from './load-portals.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Runs goskit-sim. Resolves with an exit code for the early exits (help, bad flags); once the
 * server is up it stays up until SIGINT/SIGTERM, then closes the server and exits 0.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number | undefined> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.err(`goskit-sim: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  if (options.version) {
    io.out(SIMULATOR_VERSION);
    return 0;
  }
  // A vendor's unmodified client signs requests with its wall clock, so goskit-sim's clock runs.
  const simOptions: CreateSimulatorOptions = { scenarios: options.scenarios, clockMode: options.clockMode };
  if (options.clockStart !== undefined) {
    simOptions.clock = options.clockStart;
  }
  if (options.seed !== undefined) {
    simOptions.seed = options.seed;
  }
  if (options.journalSize !== undefined) {
    simOptions.journalSize = options.journalSize;
  }
  try {
    simOptions.portals = await loadPortals(options.portals, options.portalModules);
    if (options.dataFile !== undefined) {
      simOptions.data = await loadDataFile(options.dataFile);
    }
    const sim = createSimulatorNaming(simOptions, options.dataFile);
    const server = await listen(sim, {
      port: options.port,
      host: options.host,
      ...(tlsPortOf(options) === undefined ? {} : { tlsPort: tlsPortOf(options) as number }),
      ...(options.cors === undefined ? {} : { cors: options.cors }),
      ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
    });
    // Handlers first: a supervisor may signal as soon as it reads the ready line.
    installShutdown(server, io);
    for (const portal of sim.portals) {
      io.out(`  ${portal.name.padEnd(10)} ${server.baseUrl(portal.name)}`);
      if (server.tlsUrl !== undefined && portal.tls !== undefined) {
        io.out(`  ${''.padEnd(10)} ${server.tlsBaseUrl(portal.name)} (mutual TLS)`);
      }
    }
    io.out(`  control    ${server.url}/__goskit/`);
    io.out(`  clock      ${sim.clock.mode}, now ${sim.clock.date().toISOString()}`);
    io.out(`goskit-sim ready on ${server.url} (seed ${sim.seed}) in ${Math.round(performance.now())} ms`);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof DataFileError ||
      error instanceof UsageError ||
      code === 'INVALID_DATA' ||
      code === 'UNKNOWN_SCENARIO' ||
      code === 'MISSING_SERVICE'
    ) {
      io.err(`goskit-sim: ${(error as Error).message}`);
      return 2;
    }
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      const tls = tlsPortOf(options);
      const ports = tls === undefined ? `${options.port}` : `${options.port} or ${tls} (--tls-port)`;
      io.err(`goskit-sim: cannot listen on ${options.host}:${ports} (${code})`);
      return 1;
    }
    throw error;
  }
}

/** createSimulator, with data errors naming the --data file they came from. */
function createSimulatorNaming(options: CreateSimulatorOptions, dataFile: string | undefined) {
  try {
    return createSimulator(options);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (dataFile !== undefined && code === 'INVALID_DATA' && /^data[.:]/.test((error as Error).message)) {
      throw new DataFileError(`${dataFile}: ${(error as Error).message.replace(/^data\.?/, '')}`);
    }
    throw error;
  }
}

function installShutdown(server: { close(): Promise<void> }, io: CliIo): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) {
      process.exit(0);
    }
    closing = true;
    io.out(`goskit-sim: ${signal}, shutting down`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

export { UsageError };

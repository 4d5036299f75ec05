import { parseArgs } from 'node:util';
import { MAX_CLOCK_MS, MIN_CLOCK_MS } from '../engine/clock.js';
import { SimulatorError } from '../engine/errors.js';
import { SCENARIOS } from '../engine/faults/scenarios.js';
import type { ClockMode, CorsOrigins } from '../engine/types.js';
import { BUILT_IN_PORTALS } from '../portals/index.js';
import { checkCorsOrigins } from '../server/cors.js';

export interface CliOptions {
  port: number;
  /** --tls-port: the HTTPS listener of the portals that declare tls (gospochta). See tlsPortOf. */
  tlsPort?: number;
  /** --no-tls: no HTTPS listener. */
  noTls?: true;
  host: string;
  seed?: string;
  scenarios: string[];
  journalSize?: number;
  dataFile?: string;
  cors?: CorsOrigins;
  /** Built-in portals to load (`--portals esia,epgu`); undefined = all of them. */
  portals?: string[];
  /** Modules of the user's own portals (`--portal ./my-portal.js`, repeatable). */
  portalModules: string[];
  /** 'running' unless --clock frozen. */
  clockMode: ClockMode;
  /** --clock-start as epoch ms (else: frozen → the simulator's default date, running → real now). */
  clockStart?: number;
  /** --allowed-host: Host names the control API answers to besides IP addresses and localhost. */
  allowedHosts?: string[];
  help: boolean;
  version: boolean;
}

/** A flag is unknown or malformed; goskit-sim prints it with the usage and exits 2. */
export class UsageError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'UsageError';

  constructor(message: string) {
    super('INVALID_OPTIONS', message);
  }
}

export const USAGE = `Usage: goskit-sim [options]

Simulator of Russian government and school portals. Built in, one path prefix each:
${[...BUILT_IN_PORTALS.keys()].map((name) => `${name} (/${name})`).join(', ')}.

Options:
  --port <n>           port to listen on (default 4010; 0 picks a free one)
  --tls-port <n>       HTTPS port of the portals served with mutual TLS (gospochta),
                       client certificates from the portal's CA (default 4443, or a free
                       one with --port 0); POST /__goskit/gospochta/systems/<id>/certificates
  --no-tls             no HTTPS listener
  --host <addr>        address to bind (default 127.0.0.1)
  --seed <text>        seed of the demo data and of every random decision (default goskit)
  --scenario <a,b>     fault scenarios active from the start (repeatable, comma-separated):
                       ${SCENARIOS.map((scenario) => scenario.name).join(', ')}
  --journal-size <n>   request journal capacity (default 1000)
  --portals <a,b>      load only these built-in portals (default: all)
  --portal <file>      load your own portal too: an ES module whose default export is a
                       portal definition or a function returning one (repeatable);
                       see docs/portal-kit.en.md
  --data <file>        JSON or YAML data: roster keys (organisation, classes, personas,
                       subjects, courses) replace the generated ones, checked with
                       @goskit/validation (checksums); a portal's key (esia: { clients })
                       is checked by that portal; errors name the field and rule
  --clock <mode>       running (default): the virtual clock runs with real time, and
                       POST /__goskit/clock/advance|set shift it; frozen: it moves only
                       when advanced or set (deterministic, as in-process simulators)
  --clock-start <ISO>  start the clock at this date-time instead of the real now
                       (e.g. 2026-09-01T09:00:00+03:00); frozen clocks default to that date
  --allowed-host <names>  host names the control API answers to besides IP addresses and
                       localhost (comma-separated, e.g. goskit-sim for a docker service);
                       other names are refused so DNS-rebinding pages cannot reach it
  --cors <origins>     let browser pages on these origins call the server directly
                       (comma-separated, e.g. http://localhost:3000, or *); off by
                       default, as the real portals' APIs are called from back-ends
  -h, --help           show this help
  -v, --version        show the version

Control API: http://<host>:<port>/__goskit/   Dashboard: http://<host>:<port>/`;

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** The HTTPS port to open: --tls-port, else 4443 — or a free one when --port 0 asked for a free port. */
export function tlsPortOf(options: CliOptions): number | undefined {
  if (options.noTls === true) {
    return undefined;
  }
  return options.tlsPort ?? (options.port === 0 ? 0 : 4443);
}

/** Parses argv (without node and script); throws UsageError for unknown or malformed flags. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const scenarios = (values.scenario ?? [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  const options: CliOptions = {
    port: integer('port', values.port, 0, 65_535) ?? 4010,
    host: values.host ?? '127.0.0.1',
    scenarios,
    portalModules: values.portal ?? [],
    clockMode: parseClockMode(values.clock),
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (values['no-tls'] === true && values['tls-port'] !== undefined) {
    throw new UsageError('--tls-port and --no-tls exclude each other');
  }
  const tlsPort = integer('tls-port', values['tls-port'], 0, 65_535);
  if (tlsPort !== undefined) {
    options.tlsPort = tlsPort;
  }
  if (values['no-tls'] === true) {
    options.noTls = true;
  }
  if (values.host !== undefined && values.host.trim().length === 0) {
    throw new UsageError('--host must not be empty');
  }
  if (values.seed !== undefined) {
    if (values.seed.length === 0) {
      throw new UsageError('--seed must not be empty');
    }
    options.seed = values.seed;
  }
  const journalSize = integer('journal-size', values['journal-size'], 1, 10_000_000);
  if (journalSize !== undefined) {
    options.journalSize = journalSize;
  }
  if (values.data !== undefined) {
    options.dataFile = values.data;
  }
  if (values.cors !== undefined) {
    options.cors = parseCors(values.cors);
  }
  if (values['allowed-host'] !== undefined) {
    const hosts = values['allowed-host']
      .flatMap((item) => item.split(','))
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item.length > 0);
    const bad = hosts.find((item) => !/^[a-z0-9.-]{1,253}$/.test(item));
    if (bad !== undefined || hosts.length === 0) {
      throw new UsageError(
        `--allowed-host needs host names such as goskit-sim, got "${(bad ?? '').slice(0, 60)}"`,
      );
    }
    options.allowedHosts = hosts;
  }
  if (values.portals !== undefined) {
    options.portals = parsePortalNames(values.portals);
  }
  if (values['clock-start'] !== undefined) {
    options.clockStart = parseClockStart(values['clock-start']);
  }
  return options;
}

function parseClockMode(text: string | undefined): ClockMode {
  if (text === undefined || text === 'running') {
    return 'running';
  }
  if (text === 'frozen') {
    return 'frozen';
  }
  throw new UsageError(`--clock must be "running" or "frozen", got "${text.slice(0, 40)}"`);
}

/** An ISO-8601 date-time with a date part; plain numbers are refused as ambiguous (seconds or ms?). */
function parseClockStart(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
  if (!Number.isFinite(ms) || ms < MIN_CLOCK_MS || ms > MAX_CLOCK_MS) {
    throw new UsageError(
      `--clock-start must be an ISO-8601 date-time between 1970 and 9999, e.g. 2026-09-01T09:00:00+03:00; got "${text.slice(0, 60)}"`,
    );
  }
  return ms;
}

function parsePortalNames(text: string): string[] {
  const names = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  const valid = [...BUILT_IN_PORTALS.keys()];
  const unknown = names.find((name) => !BUILT_IN_PORTALS.has(name));
  if (names.length === 0 || unknown !== undefined) {
    throw new UsageError(
      `--portals takes built-in portal names (${valid.join(', ')})${unknown === undefined ? '' : `, got "${unknown}"`}`,
    );
  }
  return [...new Set(names)];
}

function parseCors(text: string): CorsOrigins {
  const origins = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (origins.length === 0) {
    throw new UsageError('--cors needs origins, e.g. --cors http://localhost:3000 (or * for any)');
  }
  if (origins.includes('*')) {
    return '*';
  }
  try {
    checkCorsOrigins(origins);
  } catch (error) {
    throw new UsageError(`--cors: ${(error as Error).message}`);
  }
  return origins;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string', short: 'p' },
      'tls-port': { type: 'string' },
      'no-tls': { type: 'boolean' },
      host: { type: 'string' },
      seed: { type: 'string', short: 's' },
      scenario: { type: 'string', multiple: true },
      'journal-size': { type: 'string' },
      data: { type: 'string', short: 'd' },
      portals: { type: 'string' },
      portal: { type: 'string', multiple: true },
      cors: { type: 'string' },
      clock: { type: 'string' },
      'clock-start': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../src/cli/args.js';
import { loadDataFile } from '../src/cli/data-file.js';
import { main } from '../src/cli/main.js';
import { createSimulator } from '../src/create-simulator.js';
import { schoolPortal } from '../src/portals/school/school-portal.js';

describe('parseCliArgs', () => {
  it('has defaults for port and host', () => {
    expect(parseCliArgs([])).toEqual({
      port: 4010,
      host: '127.0.0.1',
      scenarios: [],
      portalModules: [],
      clockMode: 'running',
      help: false,
      version: false,
    });
  });

  it('reads --clock and --clock-start, refusing other modes and unreadable or out-of-range dates', () => {
    expect(parseCliArgs(['--clock', 'frozen']).clockMode).toBe('frozen');
    expect(parseCliArgs(['--clock', 'running']).clockMode).toBe('running');
    expect(parseCliArgs(['--clock-start', '2026-09-01T09:00:00+03:00']).clockStart).toBe(
      Date.parse('2026-09-01T06:00:00Z'),
    );
    for (const argv of [
      ['--clock', 'stopped'],
      ['--clock-start', 'tomorrow'],
      ['--clock-start', '1700000000000'],
      ['--clock-start', '+275760-09-13T00:00:00Z'],
      ['--clock-start', '1969-12-31T23:59:59Z'],
    ]) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('reads --allowed-host as a list of host names', () => {
    expect(
      parseCliArgs(['--allowed-host', 'goskit-sim,Sim.Local', '--allowed-host', 'x']).allowedHosts,
    ).toEqual(['goskit-sim', 'sim.local', 'x']);
    expect(() => parseCliArgs(['--allowed-host', 'evil host'])).toThrow(UsageError);
  });

  it('reads every flag, with repeated and comma-separated scenarios', () => {
    const options = parseCliArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--seed',
      'demo',
      '--scenario',
      'flaky,slow',
      '--scenario',
      'down',
      '--journal-size',
      '50',
      '--data',
      'extra.yaml',
    ]);
    expect(options).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      seed: 'demo',
      scenarios: ['flaky', 'slow', 'down'],
      journalSize: 50,
      dataFile: 'extra.yaml',
    });
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['--version']).version).toBe(true);
  });

  it.each([
    [['--nope']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--journal-size', '0']],
    [['--seed']],
    [['positional']],
  ])('rejects %j with a UsageError', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });
});

describe('main() early exits', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
  };

  it('bad flags exit 2 with the usage on stderr', async () => {
    const { io, err } = capture();
    expect(await main(['--bogus'], io)).toBe(2);
    expect(err.join('\n')).toContain('Usage: goskit-sim');
    expect(err.join('\n')).toContain('bogus');
  });

  it('--help and --version exit 0', async () => {
    const help = capture();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('--journal-size');
    // The help names the built-in portals with their prefixes and every valid scenario.
    expect(help.out.join('\n')).toMatch(/school \(\/school.*esia \(\/esia\).*epgu \(\/epgu\)/);
    expect(help.out.join('\n')).toContain('flaky, slow, maintenance, maintenance-200, down');
    const version = capture();
    expect(await main(['--version'], version.io)).toBe(0);
    expect(version.out[0]).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an invalid data file exits 2 naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goskit-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        organisation: {
          oid: '1',
          shortName: 'x',
          fullName: 'x',
          ogrn: '12',
          inn: '1234567890',
          kpp: '123456789',
          address: 'a',
        },
      }),
    );
    const { io, err } = capture();
    expect(await main(['--data', file, '--port', '0'], io)).toBe(2);
    expect(err.join('\n')).toContain('organisation.ogrn');
  });
});

/** What goskit-sim does with --data: read the file, then start a simulator with it (which checks it). */
async function startWith(file: string) {
  return createSimulator({ seed: 'data-file', data: await loadDataFile(file) });
}

describe('loadDataFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'goskit-data-'));
  const organisation = {
    oid: '1000299353',
    shortName: 'МБОУ СОШ № 7',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»',
    ogrn: '1027700132195',
    inn: '7707083893',
    kpp: '773601001',
    address: 'г. Москва, ул. Школьная, д. 7',
  };

  it('reads YAML and JSON into the same shape', async () => {
    const yamlFile = join(dir, 'extra.yaml');
    writeFileSync(
      yamlFile,
      `organisation:\n${Object.entries(organisation)
        .map(([k, v]) => `  ${k}: "${v}"`)
        .join('\n')}\n`,
    );
    const jsonFile = join(dir, 'extra.json');
    writeFileSync(jsonFile, JSON.stringify({ organisation }));
    expect(await loadDataFile(yamlFile)).toEqual({ organisation });
    expect(await loadDataFile(jsonFile)).toEqual({ organisation });
  });

  it('names the field of a bad persona and rejects unknown keys', async () => {
    const file = join(dir, 'personas.json');
    writeFileSync(file, JSON.stringify({ personas: [{ id: 'p1', role: 'pilot' }] }));
    await expect(startWith(file)).rejects.toThrow(/data\.personas\.0\.role/);
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ teachers: [] }));
    await expect(startWith(unknown)).rejects.toThrow(
      /data\.teachers: not a roster key or a loaded portal that takes data; valid keys: organisation, classes, personas, subjects, courses, esia/,
    );
  });

  it('checks identifiers with @goskit/validation (checksums), naming the field and the rule, never the value', async () => {
    const persona = createSimulator({ seed: 'data-file', portals: [] }).demo.personas[0];
    const file = join(dir, 'identifiers.json');
    writeFileSync(file, JSON.stringify({ personas: [persona], organisation }));
    expect(await loadDataFile(file)).toEqual({ personas: [persona], organisation });
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { personas: [{ ...persona, snils: flipLastDigit(persona?.snils) }] },
        /personas\.0\.snils: SNILS_CHECKSUM/,
      ],
      [{ personas: [{ ...persona, inn: flipLastDigit(persona?.inn) }] }, /personas\.0\.inn: INN_CHECKSUM/],
      [{ personas: [{ ...persona, inn: organisation.inn }] }, /personas\.0\.inn: INN_LENGTH/],
      [{ personas: [{ ...persona, phone: '+7 123 456' }] }, /personas\.0\.phone: PHONE_FORMAT/],
      [
        { personas: [{ ...persona, passport: { series: '45 0A', number: '123456' } }] },
        /personas\.0\.passport\.series: PASSPORT_SERIES/,
      ],
      [
        { organisation: { ...organisation, ogrn: flipLastDigit(organisation.ogrn) } },
        /organisation\.ogrn: OGRN_CHECKSUM/,
      ],
      [
        { organisation: { ...organisation, inn: flipLastDigit(organisation.inn) } },
        /organisation\.inn: INN_CHECKSUM/,
      ],
      [{ organisation: { ...organisation, kpp: '77360100' } }, /organisation\.kpp: KPP_FORMAT/],
    ];
    for (const [data, expected] of cases) {
      writeFileSync(file, JSON.stringify(data));
      const error = await startWith(file).then(
        () => undefined,
        (rejected: Error) => rejected,
      );
      expect(error?.message).toMatch(expected);
      expect(error?.message).not.toContain(persona?.snils);
      expect(error?.message).not.toContain(flipLastDigit(persona?.snils));
    }
  });

  it("checks a portal key with that portal's schema, and only when the portal is loaded", async () => {
    const file = join(dir, 'esia.json');
    writeFileSync(file, JSON.stringify({ esia: { clients: [{ clientId: 'VENDOR_SYS' }] } }));
    await expect(startWith(file)).rejects.toThrow(/data\.esia\.clients\.0\.redirectUris/);
    const data = await loadDataFile(file);
    expect(() => createSimulator({ portals: [schoolPortal], data })).toThrow(/data\.esia: not a roster key/);
  });

  it('reports unreadable and unparsable files without a stack', async () => {
    await expect(loadDataFile(join(dir, 'missing.json'))).rejects.toThrow(/cannot read .*ENOENT/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"organisation":');
    await expect(loadDataFile(broken)).rejects.toThrow(/not valid JSON\/YAML/);
  });
  it('reads --cors as a list of origins or *, and rejects what is not an origin', () => {
    expect(parseCliArgs(['--cors', 'http://localhost:3000, https://app.test']).cors).toEqual([
      'http://localhost:3000',
      'https://app.test',
    ]);
    expect(parseCliArgs(['--cors', '*']).cors).toBe('*');
    expect(parseCliArgs([]).cors).toBeUndefined();
    expect(() => parseCliArgs(['--cors', 'localhost:3000'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--cors', 'http://localhost:3000/'])).toThrow(/--cors: .*localhost:3000/);
    expect(() => parseCliArgs(['--cors', ' , '])).toThrow(/--cors needs origins/);
  });
});

/** The same identifier with its last (check) digit changed: right format, wrong checksum. */
function flipLastDigit(value: string | undefined): string {
  const text = value ?? '';
  const last = Number(text.at(-1));
  return `${text.slice(0, -1)}${(last + 1) % 10}`;
}

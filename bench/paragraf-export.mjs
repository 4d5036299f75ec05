#!/usr/bin/env node
import { constants as bufferConstants } from 'node:buffer';
// Bulk export (issue 15 §3): parse + validate a generated district export with readExport, against two
// baselines measured in the same run on the same file — a tokenizer-only pass with saxes (no records,
// no validation) and fast-xml-parser on the whole document held in memory. Each case runs in its own
// child process so its peak RSS (getrusage maxRSS) is its own. Files are generated into a temp
// directory (50 MB and 1 GB by default) and deleted afterwards.
// With --source=sim the export comes instead from the simulator's paragraf portal (GET /export, generated
// from the seed and streamed): over real HTTP from the standalone server and in process through the MSW
// handlers, producer and reader in one child process, so its peak RSS covers both sides; it must not
// grow with the size.
// Run alone: node bench/paragraf-export.mjs [--sizes=50,1024] (MB) [--source=file|sim]
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const dist = (path) => new URL(`../packages/paragraf/${path}`, import.meta.url).href;
const MB = 1024 * 1024;
const CHUNK = 1 << 20;
// saxes and fast-xml-parser are @goskit/paragraf's (dev) dependencies: resolve them from there.
const fromPackage = (name) =>
  pathToFileURL(createRequire(fileURLToPath(dist('package.json'))).resolve(name)).href;

const simDist = (path) => new URL(`../mocks/simulator/${path}`, import.meta.url).href;
const fromSimulator = (name) =>
  pathToFileURL(createRequire(fileURLToPath(simDist('package.json'))).resolve(name)).href;

/** readExport over the paragraf portal's GET /export (`sizeMB` of it), by HTTP or in process (MSW). */
async function readFromSimulator(via, sizeMB) {
  const { readExport } = await import(dist('dist/index.js'));
  const sim = await import(simDist('dist/index.js'));
  const simulator = sim.createSimulator({
    seed: 'bench',
    portals: [sim.paragrafPortal(), sim.vkPortal(), sim.vkidPortal()],
    journalBodies: 'redacted',
  });
  const account = sim.paragrafDemoAccount(simulator);
  const headers = { authorization: `Basic ${btoa(`${account.login}:${account.password}`)}` };
  const query = `/export?size=${sizeMB}MB&seed=15&faultRate=0.002`;
  let stop;
  let url;
  if (via === 'http') {
    const server = await simulator.listen({ port: 0 });
    stop = () => server.close();
    url = `${server.baseUrl('paragraf')}${query}`;
  } else {
    const { setupServer } = await import(fromSimulator('msw/node'));
    const msw = setupServer(...simulator.handlers);
    // MSW tees every mocked response for its life-cycle events; an unread branch of a tee keeps every
    // chunk the other branch read. Cancelling the event's copy lets a streamed body flow unbuffered.
    msw.events.on('response:mocked', ({ response }) => {
      response.body?.cancel().catch(() => {});
    });
    msw.listen({ onUnhandledRequest: 'error' });
    stop = () => msw.close();
    url = `https://paragraf.goskit.test${query}`;
  }
  try {
    const response = await fetch(url, { headers });
    const read = readExport(response.body);
    let records = 0;
    for await (const _record of read) {
      records++;
    }
    const report = read.report();
    const entry = simulator.journal.find({ operation: 'export' }).at(-1);
    return { records, bytes: report.bytes, issues: report.issueCount, journal: entry?.responseBodyStream };
  } finally {
    await stop();
  }
}

/** One measured case inside a child process; prints one JSON line. */
/** The module each file case reads with, imported before its clock starts (see child()). */
async function libraryOf(kind) {
  if (kind === 'readExport') {
    return import(dist('dist/index.js'));
  }
  if (kind === 'saxes') {
    return import(fromPackage('saxes'));
  }
  if (kind === 'fast-xml-parser') {
    return import(fromPackage('fast-xml-parser'));
  }
  return undefined;
}

/**
 * One case: the clock runs from the first byte read to the last record, so it measures parse +
 * validate, not loading the package (readExport's import of @goskit/paragraf costs 0.2–0.8 s, saxes'
 * 20 ms); the import's own time is reported beside it. The simulator cases time everything.
 */
async function child(kind, file) {
  const importStarted = performance.now();
  const library = await libraryOf(kind);
  const importMs = performance.now() - importStarted;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let result;
  if (kind === 'sim-http' || kind === 'sim-msw') {
    result = await readFromSimulator(kind.slice(4), Number(file));
  } else if (kind === 'readExport') {
    const { readExport } = library;
    const read = readExport(createReadStream(file, { highWaterMark: CHUNK }));
    let records = 0;
    let marks = 0;
    for await (const record of read) {
      records++;
      if (record.type === 'pupil') {
        marks += record.marks.length;
      }
    }
    const report = read.report();
    result = {
      records,
      marks,
      issues: report.issueCount,
      pupils: report.accepted.pupil,
      lines: report.lines,
    };
  } else if (kind === 'saxes') {
    const saxes = library;
    const SaxesParser = saxes.SaxesParser ?? saxes.default.SaxesParser;
    const parser = new SaxesParser();
    let elements = 0;
    parser.on('opentag', () => {
      elements++;
    });
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.close();
    result = { elements };
  } else if (kind === 'fast-xml-parser') {
    const fxp = library;
    const XMLParser = fxp.XMLParser ?? fxp.default.XMLParser;
    const size = statSync(file).size;
    if (size * 2 > bufferConstants.MAX_STRING_LENGTH) {
      result = {
        skipped: `the document (${Math.round(size / MB)} MB) does not fit in one JS string (max ${Math.round(bufferConstants.MAX_STRING_LENGTH / MB)} M chars); a whole-document parser cannot read it`,
      };
    } else {
      const parser = new XMLParser({ ignoreAttributes: false, processEntities: true });
      const doc = parser.parse(readFileSync(file, 'utf8'));
      const schools = [doc.export.school].flat();
      result = { schools: schools.length };
    }
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakRssMB = +(process.resourceUsage().maxRSS / 1024).toFixed(0);
  process.stdout.write(
    `${JSON.stringify({ kind, ms, cpuMs, importMs: Math.round(importMs), peakRssMB, ...result })}\n`,
  );
}

function measure(kind, file) {
  const out = spawnSync(process.execPath, [self, '--child', kind, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) {
    throw new Error(`${kind} failed: ${out.stderr.slice(0, 2000)}`);
  }
  return JSON.parse(out.stdout.trim().split('\n').at(-1));
}

/** --source=sim: the export read from the simulator, over HTTP and through MSW, at each size. */
function runFromSimulator(sizes) {
  const results = [];
  const summary = {};
  const kinds = process.argv
    .find((arg) => arg.startsWith('--via='))
    ?.slice(6)
    .split(',') ?? ['http', 'msw'];
  for (const sizeMB of sizes) {
    for (const kind of kinds.map((via) => `sim-${via}`)) {
      const out = measure(kind, String(sizeMB));
      const mbs = (ms) => +(out.bytes / MB / (ms / 1000)).toFixed(1);
      results.push({
        case: `${kind} ${sizeMB} MB (generate + stream + parse + validate)`,
        ms: Math.round(out.ms),
        MBps: mbs(out.ms),
        cpuMBps: mbs(out.cpuMs),
        peakRssMB: out.peakRssMB,
        records: out.records,
        journal: out.journal,
      });
      summary[`${kind} ${sizeMB}MB`] = { peakRssMB: out.peakRssMB, cpuMBps: mbs(out.cpuMs) };
    }
  }
  return { name: 'paragraf-export', results, summary };
}

export async function run({ sizes = [50, 1024], source = 'file' } = {}) {
  if (source === 'sim') {
    return runFromSimulator(sizes);
  }
  const { generateExport } = await import(dist('dist/export-generator.js'));
  const dir = mkdtempSync(join(tmpdir(), 'goskit-paragraf-bench-'));
  const results = [];
  const summary = {};
  try {
    for (const sizeMB of sizes) {
      const file = join(dir, `export-${sizeMB}mb.xml`);
      const generator = generateExport({
        seed: 15,
        targetBytes: sizeMB * MB,
        chunkSize: CHUNK,
        faultRate: 0.002,
      });
      const g0 = performance.now();
      await pipeline(Readable.from(generator), createWriteStream(file));
      const genMs = performance.now() - g0;
      const bytes = statSync(file).size;
      const mbs = (ms) => +(bytes / MB / (ms / 1000)).toFixed(1);
      results.push({ case: `generate ${sizeMB} MB`, bytes, ms: Math.round(genMs), MBps: mbs(genMs) });
      const ours = measure('readExport', file);
      const expectedRejected = Object.values(generator.stats.rejected).reduce((a, b) => a + b, 0);
      results.push({
        case: `readExport ${sizeMB} MB (parse + validate)`,
        ms: Math.round(ours.ms),
        MBps: mbs(ours.ms),
        cpuMBps: mbs(ours.cpuMs),
        importMs: ours.importMs,
        peakRssMB: ours.peakRssMB,
        records: ours.records,
        issues: ours.issues,
        expectedRejected,
      });
      const sax = measure('saxes', file);
      results.push({
        case: `saxes tokenizer only ${sizeMB} MB`,
        ms: Math.round(sax.ms),
        MBps: mbs(sax.ms),
        cpuMBps: mbs(sax.cpuMs),
        importMs: sax.importMs,
        peakRssMB: sax.peakRssMB,
      });
      const fxp = measure('fast-xml-parser', file);
      results.push(
        fxp.skipped
          ? { case: `fast-xml-parser whole document ${sizeMB} MB`, skipped: fxp.skipped }
          : {
              case: `fast-xml-parser whole document ${sizeMB} MB`,
              ms: Math.round(fxp.ms),
              MBps: mbs(fxp.ms),
              cpuMBps: mbs(fxp.cpuMs),
              peakRssMB: fxp.peakRssMB,
            },
      );
      summary[`${sizeMB}MB`] = {
        MBps: mbs(ours.ms),
        // CPU time of the read: the stable figure on a shared machine, where wall time waits for a core.
        cpuMBps: mbs(ours.cpuMs),
        peakRssMB: ours.peakRssMB,
        speedVsSaxesTokenizer: +(sax.ms / ours.ms).toFixed(2),
        speedVsFastXmlParser: fxp.skipped ? 'n/a (does not fit in memory)' : +(fxp.ms / ours.ms).toFixed(2),
        cpuSpeedVsSaxesTokenizer: +(sax.cpuMs / ours.cpuMs).toFixed(2),
        goalMet: mbs(ours.ms) >= 50 && ours.peakRssMB <= 150,
      };
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'paragraf-export', results, summary };
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice(8).split(',').map(Number) : undefined;
  const source = process.argv.find((arg) => arg.startsWith('--source='))?.slice(9) ?? 'file';
  const out = await run({ ...(sizes ? { sizes } : {}), source });
  console.table(out.results);
  console.log(JSON.stringify(out.summary, null, 2));
}

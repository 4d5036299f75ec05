// Paired rounds: the modes of one case run in short rounds, rotated so machine drift hits every mode
// alike; each mode's round is divided by the baseline round next to it (the first mode) and the
// median of those ratios is reported, with the median µs per call (wall and this process's CPU).

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};

/**
 * `calls` calls of `call(index)` with `concurrency` workers: µs per call of wall and of CPU; each
 * call's latency (µs) goes to `latencies` when given.
 */
export async function timeRound(call, calls, concurrency, latencies) {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next += 1;
      if (latencies === undefined) {
        await call(next);
      } else {
        const started = performance.now();
        await call(next);
        latencies.push((performance.now() - started) * 1000);
      }
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = ((performance.now() - started) * 1000) / calls;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / calls };
}

/**
 * Measures `modes` (the first is the baseline) in `rounds` rotated rounds after a warm-up of
 * `warmupCalls` calls each (JIT, sockets, script caches). Per mode: usPerCall, cpuUsPerCall,
 * perSecond, ratio and cpuRatio (paired medians), and p50Us/p99Us when `latencies` is set.
 */
export async function measurePaired(modes, { rounds, calls, concurrency, warmupCalls, latencies = false }) {
  const names = Object.keys(modes);
  for (const name of names) {
    await timeRound(modes[name], warmupCalls ?? Math.max(500, calls * 10), concurrency);
  }
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  const perCallLatencies = Object.fromEntries(names.map((name) => [name, latencies ? [] : undefined]));
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < names.length; i += 1) {
      const name = names[(i + round) % names.length];
      samples[name].push(await timeRound(modes[name], calls, concurrency, perCallLatencies[name]));
    }
  }
  const baseline = samples[names[0]];
  const summary = {};
  for (const name of names) {
    const own = samples[name];
    const wall = median(own.map((s) => s.wall));
    summary[name] = {
      usPerCall: +wall.toFixed(1),
      cpuUsPerCall: +median(own.map((s) => s.cpu)).toFixed(1),
      perSecond: Math.round(1e6 / wall),
      ratio: +median(own.map((s, r) => s.wall / baseline[r].wall)).toFixed(3),
      cpuRatio: +median(own.map((s, r) => s.cpu / baseline[r].cpu)).toFixed(3),
      ...(latencies
        ? {
            p50Us: +quantile(perCallLatencies[name], 0.5).toFixed(1),
            p99Us: +quantile(perCallLatencies[name], 0.99).toFixed(1),
          }
        : {}),
    };
  }
  return summary;
}

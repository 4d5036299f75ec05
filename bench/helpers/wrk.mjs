// The wrk load generator (Debian `wrk`): whether it is installed, and its latency figures in ms.
import { execFileSync } from 'node:child_process';

export function hasWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits non-zero; only a missing binary means no wrk.
    return error.status !== undefined && error.code !== 'ENOENT';
  }
}

/** '850.12us' | '1.20ms' | '2.00s' → milliseconds. */
export function parseLatencyMs(text) {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!match) {
    return Number.NaN;
  }
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

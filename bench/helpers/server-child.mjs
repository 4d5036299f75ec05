// Benchmarks run each server in its own process, so the load generator and the server do not share
// an event loop: the child prints `READY {json}` once it listens; SIGTERM stops it.
import { spawn } from 'node:child_process';

/** Starts `node <script> --serve ...args` and resolves with the child and the target it reported. */
export function startServerChild(script, args, label = args.join(' ')) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--serve', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\{.*\})\n/.exec(out);
      if (match) {
        resolve({ child, target: JSON.parse(match[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${label} server exited ${code}`)));
  });
}

export function stopServerChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      return resolve();
    }
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

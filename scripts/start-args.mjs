// The flags `npm start` passes to goskit-sim: the demo seed is a default, not a fallback for
// "no flags" — `npm start -- --port 4011` keeps it; `--seed x` (or -s x, --seed=x) replaces it.
export function startArgs(args) {
  const seedGiven = args.some((arg) => arg === '--seed' || arg === '-s' || arg.startsWith('--seed='));
  return [...(seedGiven ? [] : ['--seed', 'demo']), ...args];
}

/** The argument list of `openssl genpkey` for a GOST R 34.10-2012 256-bit key of `paramset`, written to `out`. */
export function gostGenpkeyArgs(paramset: string, out: string): string[] {
  return [
    'genpkey',
    '-engine',
    'gost',
    '-algorithm',
    'gost2012_256',
    '-pkeyopt',
    `paramset:${paramset}`,
    '-out',
    out,
  ];
}

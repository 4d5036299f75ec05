/**
 * Node built-ins for the process-based signers, loaded on first use through a variable specifier:
 * browser bundlers then neither bundle nor reject them, and the rest of @goskit/crypto stays
 * browser-safe. Only OpenSslGostSigner and CryptoProCspSigner call these.
 */
const importNode = (specifier: string): Promise<unknown> =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);

export const loadChildProcess = () =>
  importNode('node:child_process') as Promise<typeof import('node:child_process')>;
export const loadFs = () => importNode('node:fs/promises') as Promise<typeof import('node:fs/promises')>;
export const loadOs = () => importNode('node:os') as Promise<typeof import('node:os')>;
export const loadPath = () => importNode('node:path') as Promise<typeof import('node:path')>;

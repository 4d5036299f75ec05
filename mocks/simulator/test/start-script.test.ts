import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script of the repository, without types
import { startArgs } from '../../../scripts/start-args.mjs';

describe('npm start', () => {
  it('keeps the demo seed when other flags are given', () => {
    expect(startArgs([])).toEqual(['--seed', 'demo']);
    expect(startArgs(['--port', '4011'])).toEqual(['--seed', 'demo', '--port', '4011']);
  });

  it('lets a given seed replace it, in every spelling', () => {
    expect(startArgs(['--seed', 'x'])).toEqual(['--seed', 'x']);
    expect(startArgs(['-s', 'x', '--port', '0'])).toEqual(['-s', 'x', '--port', '0']);
    expect(startArgs(['--seed=x'])).toEqual(['--seed=x']);
  });
});

// The tests that may kill the "jose" area's mutants (stryker/areas.mjs).
import { areaVitestConfig } from './area-vitest.mjs';

export default areaVitestConfig('jose');

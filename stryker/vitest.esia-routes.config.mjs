// The tests that may kill the "esia-routes" area's mutants (stryker/areas.mjs).
import { areaVitestConfig } from './area-vitest.mjs';

export default areaVitestConfig('esia-routes');

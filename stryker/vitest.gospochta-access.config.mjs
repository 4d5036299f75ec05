// The tests that may kill the "gospochta-access" area's mutants (stryker/areas.mjs).
import { areaVitestConfig } from './area-vitest.mjs';

export default areaVitestConfig('gospochta-access');

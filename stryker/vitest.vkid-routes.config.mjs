// The tests that may kill the "vkid-routes" area's mutants (stryker/areas.mjs).
import { areaVitestConfig } from './area-vitest.mjs';

export default areaVitestConfig('vkid-routes');

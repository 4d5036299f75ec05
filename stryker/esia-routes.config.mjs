// StrykerJS options of the "esia-routes" area — see stryker/areas.mjs; run it with `pnpm mutation esia-routes`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('esia-routes');

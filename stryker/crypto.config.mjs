// StrykerJS options of the "crypto" area — see stryker/areas.mjs; run it with `pnpm mutation crypto`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('crypto');

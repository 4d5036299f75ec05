// StrykerJS options of the "validation" area — see stryker/areas.mjs; run it with `pnpm mutation validation`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('validation');

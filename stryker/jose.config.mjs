// StrykerJS options of the "jose" area — see stryker/areas.mjs; run it with `pnpm mutation jose`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('jose');

// StrykerJS options of the "esia-secret" area — see stryker/areas.mjs; run it with `pnpm mutation esia-secret`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('esia-secret');

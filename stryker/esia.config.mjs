// StrykerJS options of the "esia" area — see stryker/areas.mjs; run it with `pnpm mutation esia`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('esia');

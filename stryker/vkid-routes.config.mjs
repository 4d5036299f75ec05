// StrykerJS options of the "vkid-routes" area — see stryker/areas.mjs; run it with `pnpm mutation vkid-routes`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('vkid-routes');

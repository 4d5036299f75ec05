// StrykerJS options of the "vkid" area — see stryker/areas.mjs; run it with `pnpm mutation vkid`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('vkid');

// StrykerJS options of the "vk" area — see stryker/areas.mjs; run it with `pnpm mutation vk`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('vk');

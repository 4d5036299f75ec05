// StrykerJS options of the "core" area — see stryker/areas.mjs; run it with `pnpm mutation core`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('core');

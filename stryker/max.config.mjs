// StrykerJS options of the "max" area — see stryker/areas.mjs; run it with `pnpm mutation max`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('max');

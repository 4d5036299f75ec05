// StrykerJS options of the "paragraf" area — see stryker/areas.mjs; run it with `pnpm mutation paragraf`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('paragraf');

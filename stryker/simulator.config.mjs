// StrykerJS options of the "simulator" area — see stryker/areas.mjs; run it with `pnpm mutation simulator`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('simulator');

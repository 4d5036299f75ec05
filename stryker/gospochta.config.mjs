// StrykerJS options of the "gospochta" area — see stryker/areas.mjs; run it with `pnpm mutation gospochta`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('gospochta');

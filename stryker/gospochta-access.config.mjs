// StrykerJS options of the "gospochta-access" area — see stryker/areas.mjs; run it with `pnpm mutation gospochta-access`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('gospochta-access');

// StrykerJS options of the "gospochta-codec" area — see stryker/areas.mjs; run it with `pnpm mutation gospochta-codec`.
import { areaConfig } from './area-config.mjs';

export default areaConfig('gospochta-codec');

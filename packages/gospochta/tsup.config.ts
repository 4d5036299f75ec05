import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.shared.ts';

// Two entries: the client, and `protocol` (codec, role tables, XML form) for portals and receivers.
export default defineConfig(packageConfig({ entry: ['src/index.ts', 'src/protocol.ts'] }));

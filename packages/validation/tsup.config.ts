import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.shared.ts';

// Two entries: the root and the `@goskit/validation/stream` subpath (dist/stream.*).
export default defineConfig(
  packageConfig({ entry: { index: 'src/index.ts', stream: 'src/stream/index.ts' } }),
);

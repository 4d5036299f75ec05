import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.shared.ts';

export default defineConfig(packageConfig({ entry: ['src/index.ts', 'src/export-generator.ts'] }));

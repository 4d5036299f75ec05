import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.shared.ts';

// Two entries: the root and the `@goskit/crypto/asn1` subpath (dist/asn1.*).
export default defineConfig(packageConfig({ entry: { index: 'src/index.ts', asn1: 'src/asn1/index.ts' } }));

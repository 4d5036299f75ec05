/**
 * `@goskit/paragraf/export-generator`: district export files of any size from a seed, streamed —
 * for tests, benchmarks and the simulator portal. Kept on its own subpath so the client bundle
 * does not carry the demo data.
 */
export {
  EXPORT_FAULTS,
  type ExportFault,
  type ExportGenerator,
  type ExportGeneratorOptions,
  type ExportGeneratorStats,
  generateExport,
} from './export/generator/generate-export.js';
export { seededRandom } from './export/generator/seeded-random.js';

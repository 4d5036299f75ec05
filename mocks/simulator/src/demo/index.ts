export {
  CLASS_LETTERS,
  DEMO_PASSWORD,
  type DemoOptions,
  FIXED_PERSONA_IDS,
  generateDemoData,
} from './generate-demo.js';
export { mergeDemoData } from './merge-demo.js';

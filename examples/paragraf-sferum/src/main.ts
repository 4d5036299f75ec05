/** `pnpm start`: runs the story against goskit-sim (GOSKIT_SIM_URL, default http://127.0.0.1:4010). */
import { runDemo } from './school-system.js';

const baseUrl = process.env.GOSKIT_SIM_URL ?? 'http://127.0.0.1:4010';
runDemo(baseUrl, (line) => console.log(line)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

/**
 * `pnpm --filter @goskit/example-sferum-chat-sync start [-- options]`: the chat sync of «Демо школа»
 * against goskit-sim (default http://127.0.0.1:4010). Options: --sim <url>, --vk <url>,
 * --community <id>, --token <token> (or VK_COMMUNITY_TOKEN), --state <file>, --plan-only.
 */
import { parseArgs } from 'node:util';
import { runChatSyncCli } from './cli.js';

const { values } = parseArgs({
  options: {
    sim: { type: 'string', default: process.env.GOSKIT_SIM_URL ?? 'http://127.0.0.1:4010' },
    vk: { type: 'string' },
    community: { type: 'string' },
    token: { type: 'string' },
    state: { type: 'string', default: '.sferum-chat-sync.json' },
    'plan-only': { type: 'boolean', default: false },
  },
});

const token = values.token ?? process.env.VK_COMMUNITY_TOKEN;
try {
  const code = await runChatSyncCli(
    {
      simulatorUrl: values.sim,
      stateFile: values.state,
      planOnly: values['plan-only'],
      ...(values.vk === undefined ? {} : { vkBaseUrl: values.vk }),
      ...(values.community === undefined ? {} : { communityId: Number(values.community) }),
      ...(token === undefined ? {} : { token }),
    },
    {
      out: (text) => process.stdout.write(`${text}\n`),
      ...(process.stdout.isTTY ? { redraw: (text: string) => process.stdout.write(`\r${text}`) } : {}),
    },
  );
  process.exitCode = code;
} catch (error) {
  process.stderr.write(`sferum-chat-sync: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write('Is the simulator running? Start it with `pnpm start` at the repository root.\n');
  process.exitCode = 1;
}

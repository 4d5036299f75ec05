/**
 * `pnpm --filter @goskit/example-sferum-chat-sync start [-- options]`: the chat sync of «Демо школа»
 * against goskit-sim (default http://127.0.0.1:4010). Options: --transport vk|max (default vk),
 * --sim <url>, --vk <url>, --community <id>, --max <url>, --token <token> (or VK_COMMUNITY_TOKEN /
 * MAX_BOT_TOKEN), --state <file>, --plan-only.
 */
import { parseArgs } from 'node:util';
import { runChatSyncCli } from './cli.js';

const { values } = parseArgs({
  options: {
    sim: { type: 'string', default: process.env.GOSKIT_SIM_URL ?? 'http://127.0.0.1:4010' },
    transport: { type: 'string', default: 'vk' },
    vk: { type: 'string' },
    max: { type: 'string' },
    community: { type: 'string' },
    token: { type: 'string' },
    state: { type: 'string', default: '.sferum-chat-sync.json' },
    'plan-only': { type: 'boolean', default: false },
  },
});

if (values.transport !== 'vk' && values.transport !== 'max') {
  process.stderr.write(
    `sferum-chat-sync: --transport is vk or max, not ${JSON.stringify(values.transport)}\n`,
  );
  process.exit(2);
}
const transport = values.transport;
const token =
  values.token ?? (transport === 'max' ? process.env.MAX_BOT_TOKEN : process.env.VK_COMMUNITY_TOKEN);
try {
  const code = await runChatSyncCli(
    {
      simulatorUrl: values.sim,
      transport,
      stateFile: values.state,
      planOnly: values['plan-only'],
      ...(values.vk === undefined ? {} : { vkBaseUrl: values.vk }),
      ...(values.max === undefined ? {} : { maxBaseUrl: values.max }),
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

/**
 * What the MAX run reads from a running goskit-sim besides the school's roster: the school bot's
 * token (`GET /__goskit/max/bots`, «Демо школа»'s bot first) and the people who linked their MAX
 * account — the portal's MAX users that stand for a roster person, as if each had opened the school
 * bot from a link in the school system and the system had recorded their MAX user id. A real school
 * system has the token in its settings and the links in its database.
 */
import type { PersonLink } from '@goskit/sferum';
import { getJson } from './get-json.js';

interface MaxBotSummary {
  name: string;
  username: string;
  userId: number;
  token: string;
}

interface MaxUserSummary {
  userId: number;
  personaId: string | null;
  role: string | null;
}

const ROLES = new Map<string, PersonLink['role']>([
  ['teacher', 'teacher'],
  ['admin', 'teacher'],
  ['parent', 'parent'],
]);

export interface MaxSimulatorSource {
  /** The demo school's bot: its token and username. */
  bot(): Promise<{ token: string; username: string }>;
  /** People who linked their MAX account, as the school system recorded them. */
  links(now: number): Promise<PersonLink[]>;
}

export function maxSimulatorSource(simulatorUrl: string): MaxSimulatorSource {
  const base = simulatorUrl.replace(/\/+$/, '');
  return {
    async bot() {
      const { bots } = await getJson<{ bots: MaxBotSummary[] }>(`${base}/__goskit/max/bots`);
      const bot = bots[0];
      if (bot === undefined) {
        throw new Error("goskit-sim runs without the max portal («Демо школа»'s bot)");
      }
      return { token: bot.token, username: bot.username };
    },
    async links(now) {
      const { users } = await getJson<{ users: MaxUserSummary[] }>(`${base}/__goskit/max/users`);
      return users.flatMap((user) => {
        const role = user.role === null ? undefined : ROLES.get(user.role);
        return user.personaId !== null && role !== undefined
          ? [
              {
                personId: user.personaId,
                role,
                network: 'max' as const,
                userId: String(user.userId),
                linkedAt: now,
              },
            ]
          : [];
      });
    },
  };
}

/**
 * «Электронная очередь в детские сады» of the fictional «Зеленоградская область» — a regional service
 * that exists only in this example. Written with `@goskit/simulator/portal-kit` alone: routes, state
 * from the seed and the shared roster, a data slice (`data.queue.kindergartens`), a rate limit, a
 * contract, a dashboard panel, and the identity service ESIA provides — a parent signs in with
 * Gosuslugi and queues their own children. Load it: `goskit-sim --portal src/queue-portal.ts`.
 */
import {
  BadRequestError,
  contractsFromOpenApi,
  definePortal,
  escapeHtml,
  http429,
  identityService,
  json,
  type RouteContext,
  readJson,
  type SimResponse,
} from '@goskit/simulator/portal-kit';
import { z } from 'zod';
import { queueContract } from './contract.js';

export interface Kindergarten {
  id: string;
  title: string;
  places: number;
}

export interface Application {
  id: string;
  status: 'queued' | 'offered' | 'enrolled' | 'withdrawn';
  kindergartenId: string;
  /** The child's roster id; the parent's ESIA oid owns the application. */
  childId: string;
  childName: string;
  parentOid: string;
  createdAt: string;
}

export interface QueueState {
  kindergartens: Kindergarten[];
  /** By id; a Map because ids come from requests. */
  applications: Map<string, Application>;
  nextNumber: number;
}

const kindergartenSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  places: z.number().int().min(0),
});

/** `createSimulator({ data: { queue: { kindergartens } } })`, or `queue:` in a --data file. */
export const queueDataSchema = z.object({ kindergartens: z.array(kindergartenSchema).min(1) }).strict();
export type QueueData = z.output<typeof queueDataSchema>;

const applicationInput = z.object({
  childId: z.string().min(1).max(64),
  kindergartenId: z.string().min(1).max(64),
});

const DEFAULT_KINDERGARTENS: Kindergarten[] = [
  { id: 'dou-1', title: 'Детский сад № 1 «Солнышко»', places: 2 },
  { id: 'dou-7', title: 'Детский сад № 7 «Берёзка»', places: 1 },
];

const problem = (status: number, code: string, message: string) => json({ code, message }, status);

/** The caller's ESIA grant, or the portal's 401. */
async function parentOf(ctx: RouteContext<QueueState>): Promise<{ oid: string } | SimResponse> {
  const token = /^Bearer\s+(\S+)$/i.exec(ctx.request.headers.authorization ?? '')?.[1];
  const grant =
    token === undefined ? undefined : await ctx.sim.service(identityService).verifyAccessToken(token);
  if (grant?.oid === undefined) {
    return problem(401, 'unauthorized', 'Войдите через Госуслуги: нужен действующий токен ЕСИА');
  }
  return { oid: grant.oid };
}

/** Place in the kindergarten's queue: 0 once offered or enrolled. */
function positionOf(state: QueueState, application: Application): number {
  if (application.status !== 'queued') {
    return 0;
  }
  const queued = [...state.applications.values()].filter(
    (other) => other.kindergartenId === application.kindergartenId && other.status === 'queued',
  );
  return queued.indexOf(application) + 1;
}

function view(state: QueueState, application: Application) {
  const { parentOid: _owner, childId: _child, ...shown } = application;
  return { ...shown, position: positionOf(state, application) };
}

export const queuePortal = definePortal<QueueState, QueueData>({
  name: 'queue',
  title: 'Электронная очередь в детские сады (пример)',
  hosts: ['https://queue.zelenograd-region.example'],
  prefix: '/queue',
  docs: 'https://github.com/goskit/goskit/blob/main/examples/custom-portal/README.md',
  data: { schema: queueDataSchema, description: 'kindergartens: the region’s kindergartens and free places' },
  requires: [identityService],
  createState: (runtime) => ({
    kindergartens: structuredClone(runtime.data?.kindergartens ?? DEFAULT_KINDERGARTENS),
    applications: new Map(),
    nextNumber: runtime.random.int(100_000, 900_000),
  }),
  rateLimit: {
    ratePerSecond: 5,
    burst: 10,
    respond: http429({
      retryAfter: 'seconds',
      body: { code: 'too_many_requests', message: 'Слишком много запросов' },
    }),
  },
  contracts: contractsFromOpenApi(queueContract),
  dashboard: {
    title: 'Очередь в детские сады · queue',
    render: ({ state }) =>
      `<table><tbody>${state.kindergartens
        .map((kindergarten) => {
          const queued = [...state.applications.values()].filter(
            (item) => item.kindergartenId === kindergarten.id && item.status === 'queued',
          ).length;
          return `<tr><td>${escapeHtml(kindergarten.title)}</td><td>мест: ${kindergarten.places}</td><td>в очереди: ${queued}</td></tr>`;
        })
        .join('')}</tbody></table>`,
  },
  routes: [
    {
      method: 'GET',
      path: '/api/v1/kindergartens',
      operation: 'kindergartens.list',
      handler: ({ state }) => json({ items: state.kindergartens }),
    },
    {
      method: 'GET',
      path: '/api/v1/applications',
      operation: 'applications.list',
      handler: async (ctx) => {
        const parent = await parentOf(ctx);
        if ('status' in parent) {
          return parent;
        }
        const own = [...ctx.state.applications.values()].filter((item) => item.parentOid === parent.oid);
        return json({ items: own.map((item) => view(ctx.state, item)) });
      },
    },
    {
      method: 'POST',
      path: '/api/v1/applications',
      operation: 'applications.create',
      handler: async (ctx) => {
        const parent = await parentOf(ctx);
        if ('status' in parent) {
          return parent;
        }
        const input = readJson(ctx.request, applicationInput);
        const person = ctx.sim.service(identityService).person(parent.oid);
        if (!person?.children?.includes(input.childId)) {
          throw new BadRequestError('childId', 'own_child', 'childId: не ваш ребёнок по данным Госуслуг');
        }
        const kindergarten = ctx.state.kindergartens.find((item) => item.id === input.kindergartenId);
        if (kindergarten === undefined) {
          throw new BadRequestError('kindergartenId', 'known', 'kindergartenId: нет такого детского сада');
        }
        const child = ctx.sim.demo.personas.find((item) => item.id === input.childId);
        const taken = [...ctx.state.applications.values()].filter(
          (item) =>
            item.kindergartenId === kindergarten.id &&
            item.status !== 'queued' &&
            item.status !== 'withdrawn',
        ).length;
        ctx.state.nextNumber += 1;
        const application: Application = {
          id: `Q-${ctx.state.nextNumber}`,
          // A free place is offered at once; otherwise the child waits in the queue.
          status: taken < kindergarten.places ? 'offered' : 'queued',
          kindergartenId: kindergarten.id,
          childId: input.childId,
          childName: `${child?.lastName ?? ''} ${child?.firstName ?? ''}`.trim(),
          parentOid: parent.oid,
          createdAt: ctx.sim.clock.date().toISOString(),
        };
        ctx.state.applications.set(application.id, application);
        return json(view(ctx.state, application), 201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/applications/:id',
      operation: 'applications.get',
      handler: async (ctx) => {
        const parent = await parentOf(ctx);
        if ('status' in parent) {
          return parent;
        }
        const application = ctx.state.applications.get(ctx.params.id ?? '');
        // Someone else's application is as unknown as a missing one.
        if (application === undefined || application.parentOid !== parent.oid) {
          return problem(404, 'not_found', 'Заявление не найдено');
        }
        return json(view(ctx.state, application));
      },
    },
  ],
});

/** `goskit-sim --portal src/queue-portal.ts` takes the default export. */
export default queuePortal;

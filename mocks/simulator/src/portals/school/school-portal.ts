/**
 * `school` — goskit's OWN demo portal, not a real government or school portal. Read-only views of
 * «Демо школа» so `goskit-sim` shows something real and benchmarks have a stateful GET.
 */
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { definePortal } from '../../engine/define-portal.js';
import { http429, json } from '../../engine/responses.js';
import type { DemoData, SchoolClass } from '../../engine/types.js';
import { schoolPanel } from './dashboard-panel.js';
import { schoolOpenApi } from './openapi.gen.js';
import {
  createSchoolState,
  fullName,
  personaIndex,
  publicPersona,
  type SchoolState,
} from './school-state.js';

const ROLES = new Set(['parent', 'teacher', 'admin', 'student']);

function classSummary(demo: DemoData, schoolClass: SchoolClass) {
  return {
    id: schoolClass.id,
    name: schoolClass.name,
    grade: schoolClass.grade,
    letter: schoolClass.letter,
    teacher: { id: schoolClass.teacherId, name: fullName(personaIndex(demo).get(schoolClass.teacherId)) },
    students: schoolClass.studentIds.length,
  };
}

/** By id ('class-5b') or by name ('5Б'). */
function findClass(demo: DemoData, idOrName: string | undefined): SchoolClass | undefined {
  return demo.classes.find((c) => c.id === idOrName || c.name === idOrName);
}

const notFound = (what: string, id: string) =>
  json({ error: 'not_found', message: `no ${what} ${JSON.stringify(id)}` }, 404);

export const schoolPortal = definePortal<SchoolState>({
  name: 'school',
  title: 'Демо школа (goskit demo portal)',
  hosts: ['https://school.goskit.test'],
  prefix: '/school',
  createState: createSchoolState,
  dashboard: schoolPanel,
  rateLimit: {
    ratePerSecond: 50,
    burst: 100,
    respond: http429({
      retryAfter: 'seconds',
      body: { error: 'too_many_requests', message: 'Слишком много запросов' },
    }),
  },
  contracts: contractsFromOpenApi(schoolOpenApi),
  routes: [
    {
      method: 'GET',
      path: '/school',
      operation: 'school.get',
      handler: ({ state, sim: { demo } }) => {
        state.visits += 1;
        const students = demo.classes.reduce((sum, c) => sum + c.studentIds.length, 0);
        return json({ ...demo.organisation, classes: demo.classes.length, students, visits: state.visits });
      },
    },
    {
      method: 'GET',
      path: '/classes',
      operation: 'classes.list',
      handler: ({ sim: { demo } }) =>
        json({ total: demo.classes.length, items: demo.classes.map((c) => classSummary(demo, c)) }),
    },
    {
      method: 'GET',
      path: '/classes/:id',
      operation: 'classes.get',
      handler: ({ sim: { demo }, params }) => {
        const found = findClass(demo, params.id);
        return found ? json(classSummary(demo, found)) : notFound('class', params.id ?? '');
      },
    },
    {
      method: 'GET',
      path: '/classes/:id/students',
      operation: 'classes.students',
      handler: ({ sim: { demo }, params }) => {
        const found = findClass(demo, params.id);
        if (!found) {
          return notFound('class', params.id ?? '');
        }
        const index = personaIndex(demo);
        const items = found.studentIds.flatMap((id) => {
          const p = index.get(id);
          return p
            ? [
                {
                  id,
                  lastName: p.lastName,
                  firstName: p.firstName,
                  middleName: p.middleName,
                  birthDate: p.birthDate,
                  gender: p.gender,
                },
              ]
            : [];
        });
        return json({ classId: found.id, total: items.length, items });
      },
    },
    {
      method: 'GET',
      path: '/personas',
      operation: 'personas.list',
      handler: ({ sim: { demo }, request }) => {
        const role = request.query.get('role');
        if (role !== null && !ROLES.has(role)) {
          return json({ error: 'bad_request', message: `role must be one of ${[...ROLES].join(', ')}` }, 400);
        }
        const items = demo.personas.filter((p) => role === null || p.role === role).map(publicPersona);
        return json({ total: items.length, items });
      },
    },
    {
      method: 'GET',
      path: '/personas/:id',
      operation: 'personas.get',
      handler: ({ sim: { demo }, params }) => {
        const persona = personaIndex(demo).get(params.id ?? '');
        return persona ? json(publicPersona(persona)) : notFound('persona', params.id ?? '');
      },
    },
  ],
});

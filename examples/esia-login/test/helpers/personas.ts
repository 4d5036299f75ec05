import type { Simulator } from '@goskit/simulator';

/** The demo parent «Иванов Иван Иванович» (08.03.1991) of a simulator's seed. */
export function parentPersona(sim: Simulator) {
  const persona = sim.demo.personas.find(
    (p) => p.lastName === 'Иванов' && p.firstName === 'Иван' && p.birthDate === '08.03.1991',
  );
  if (!persona) {
    throw new Error('the demo parent «Иванов Иван Иванович» is missing from the demo data');
  }
  return persona;
}

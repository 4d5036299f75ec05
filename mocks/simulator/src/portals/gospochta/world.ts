/**
 * Brings the portal's world up to the virtual "now" before anything reads it: every letter and
 * document step that fell due since the last look is applied in time order (agenda.ts), so a request,
 * the dashboard, a control route or the webhook dispatcher all see the same moment.
 */
import { takeDue } from './agenda.js';
import { advanceDocument } from './documents/lifecycle.js';
import { advanceLetter, type World } from './letters/lifecycle.js';

export function syncWorld(world: World, now: number): void {
  for (const key of takeDue(world.state, now)) {
    const id = key.slice(2);
    if (key.startsWith('L:')) {
      const letter = world.state.outgoing.get(id);
      if (letter !== undefined) {
        advanceLetter(world, letter, now);
      }
    } else if (key.startsWith('D:')) {
      const request = world.state.documents.get(id);
      if (request !== undefined) {
        advanceDocument(world, request, now);
      }
    }
  }
}

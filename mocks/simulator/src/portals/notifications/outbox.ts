/**
 * The outbox service behind `notificationsService`: notices go in with their category's delay on the
 * virtual clock and come out through find / count / verify once their time has come. Sources
 * (another portal's live state, e.g. EPGU order timelines) are consulted on every read, so a notice
 * appears when its event's time comes and never for an event that was withdrawn (a cancelled order's
 * future statuses). Contacts of roster persons come from the roster.
 */
import { SimulatorError } from '../../engine/errors.js';
import type { Persona, PortalRuntime } from '../../engine/types.js';
import type {
  Notice,
  NoticeInput,
  NoticePattern,
  NoticeSource,
  NoticeTimes,
  NotificationsService,
  PersonNotice,
} from '../../services/notifications.js';
import {
  describeNotice,
  describePattern,
  describeTimes,
  differences,
  matches,
  timesSatisfied,
} from './pattern.js';
import { delayOf, type OutboxState } from './state.js';

/** Longest text, subject and key kept (a portal's bug must not grow the outbox without bound). */
const MAX_TEXT = 2000;
const MAX_FIELD = 200;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function fullName(persona: Persona): string {
  return [persona.lastName, persona.firstName, persona.middleName].filter(Boolean).join(' ');
}

export function createOutbox(runtime: PortalRuntime, state: () => OutboxState): NotificationsService {
  const sources = new Map<string, NoticeSource>();
  const personas = new WeakMap<object, Map<string, Persona>>();

  const personOf = (idOrOid: string): Persona | undefined => {
    const demo = runtime.demo;
    let index = personas.get(demo);
    if (index === undefined) {
      index = new Map();
      for (const persona of demo.personas) {
        index.set(persona.oid, persona);
        index.set(persona.id, persona);
      }
      personas.set(demo, index);
    }
    return index.get(idOrOid);
  };

  const insert = (input: NoticeInput, timeMs: number): Notice => {
    const outbox = state();
    const existing = input.key === undefined ? undefined : outbox.keys.get(input.key);
    if (existing !== undefined) {
      const found = outbox.notices.find((notice) => notice.id === existing);
      if (found !== undefined) {
        return found;
      }
    }
    const eventMs = input.at ?? runtime.clock.now();
    const notice: Notice = {
      id: `N-${String(outbox.nextId++).padStart(6, '0')}`,
      channel: input.channel,
      recipient: { ...input.recipient },
      text: clip(input.text, MAX_TEXT),
      category: clip(input.category, MAX_FIELD),
      source: clip(input.source, MAX_FIELD),
      time: new Date(timeMs).toISOString(),
      timeMs,
      eventTime: new Date(eventMs).toISOString(),
    };
    if (input.subject !== undefined) {
      notice.subject = clip(input.subject, MAX_FIELD);
    }
    if (input.key !== undefined) {
      notice.key = clip(input.key, MAX_FIELD);
      outbox.keys.set(notice.key, notice.id);
    }
    // Kept in delivery order; most notices arrive in order, so the search starts at the end.
    let at = outbox.notices.length;
    while (at > 0 && (outbox.notices[at - 1] as Notice).timeMs > timeMs) {
      at--;
    }
    outbox.notices.splice(at, 0, notice);
    while (outbox.notices.length > outbox.capacity) {
      const oldest = outbox.notices.shift() as Notice;
      if (oldest.key !== undefined) {
        outbox.keys.delete(oldest.key);
      }
      outbox.dropped++;
    }
    return notice;
  };

  const send = (input: NoticeInput): Notice => {
    if (typeof input.text !== 'string' || input.text === '') {
      throw new SimulatorError('INVALID_DATA', 'a notice needs a text');
    }
    const at = input.at ?? runtime.clock.now();
    return insert(input, at + delayOf(state(), input.category));
  };

  /** Adds the due notices of every source; drops finished sources. */
  const materialise = (): void => {
    if (sources.size === 0) {
      return;
    }
    const now = runtime.clock.now();
    const outbox = state();
    for (const [id, source] of sources) {
      const { notices, done } = source();
      let waiting = false;
      for (const input of notices) {
        if (input.key !== undefined && outbox.keys.has(input.key)) {
          continue;
        }
        const timeMs = (input.at ?? now) + delayOf(outbox, input.category);
        if (timeMs <= now) {
          insert(input, timeMs);
        } else {
          waiting = true;
        }
      }
      if (done && !waiting) {
        sources.delete(id);
      }
    }
  };

  const find = (pattern: NoticePattern = {}): Notice[] => {
    materialise();
    const now = runtime.clock.now();
    return state().notices.filter((notice) => matches(notice, pattern, now));
  };

  return {
    send,
    notifyPerson(notice: PersonNotice): Notice[] {
      const persona = personOf(notice.person);
      if (persona === undefined) {
        return [];
      }
      const out: Notice[] = [];
      for (const channel of notice.channels) {
        // The oid always: a person's notices are found by it, whatever the channel.
        const recipient =
          channel === 'email'
            ? { oid: persona.oid, email: persona.email }
            : channel === 'sms'
              ? { oid: persona.oid, phone: persona.phone }
              : { oid: persona.oid };
        out.push(
          send({
            channel,
            recipient: { ...recipient, name: fullName(persona), personaId: persona.id },
            text: notice.texts?.[channel] ?? notice.text,
            ...(notice.subject === undefined ? {} : { subject: notice.subject }),
            category: notice.category,
            source: notice.source,
            ...(notice.at === undefined ? {} : { at: notice.at }),
            ...(notice.key === undefined ? {} : { key: `${notice.key}:${channel}` }),
          }),
        );
      }
      return out;
    },
    watch(id, source) {
      sources.set(id, source);
    },
    find,
    count: (pattern) => find(pattern).length,
    verify(times: NoticeTimes, pattern: NoticePattern) {
      const found = find(pattern).length;
      if (timesSatisfied(times, found)) {
        return;
      }
      const now = runtime.clock.now();
      const closest = state()
        .notices.map((notice) => ({ notice, differs: differences(notice, pattern) }))
        .sort((a, b) => a.differs.length - b.differs.length || b.notice.timeMs - a.notice.timeMs)
        .slice(0, 3);
      const lines = [
        `expected ${describeTimes(times)} notice(s) matching ${describePattern(pattern)}, found ${found}`,
        closest.length > 0 ? 'closest notices:' : 'the outbox is empty',
        ...closest.map(
          ({ notice, differs }) =>
            `  - ${describeNotice(notice, now)}  (differs in: ${differs.join(', ') || (notice.timeMs > now ? 'not delivered yet' : 'nothing')})`,
        ),
      ];
      throw new SimulatorError('VERIFICATION_FAILED', lines.join('\n'));
    },
    delayOf: (category) => delayOf(state(), category),
    clear() {
      const outbox = state();
      outbox.notices.length = 0;
      outbox.keys.clear();
    },
  };
}

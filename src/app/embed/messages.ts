/**
 * The embed's postMessage protocol (documented in README.md). Host → embed messages carry
 * `target: "replication-lab"` and `v: 1`; embed → host messages carry `source: "replication-lab"`.
 * Everything inbound is validated here; origins are compared exactly, never by substring.
 */
import { z } from '../../store/zod.ts';
import type { OperationRecord, OperationStatus } from '../../engine/index.ts';
import { keyField, nodeIdField, valueField } from '../../store/fieldSchemas.ts';
import { type RunRecord } from '../../store/index.ts';
import { checkScenario, instantProblem } from '../../store/runCheck.ts';
import type { LessonPlace, LessonState } from '../lessons/lessonStore.ts';

export { allowedOrigins, isAllowed } from './origins.ts';

export const PROTOCOL = 'replication-lab';
export const PROTOCOL_VERSION = 1;

const id = z.optional(z.union([z.string().check(z.maxLength(64)), z.number()]));
/** An instant to show, in simulated ms: the same rule as a link's `at`. */
const instant = z.custom<number>((t) => instantProblem(t) === null, {
  error: (issue) => instantProblem(issue.input) ?? undefined,
});
const base = { target: z.literal(PROTOCOL), v: z.literal(PROTOCOL_VERSION), id };
const hostMessage = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('play') }),
  z.strictObject({ ...base, type: z.literal('pause') }),
  z.strictObject({ ...base, type: z.literal('step') }),
  z.strictObject({ ...base, type: z.literal('seek'), time: instant }),
  z.strictObject({ ...base, type: z.literal('load-scenario'), scenario: z.unknown() }),
  z.strictObject({
    ...base,
    type: z.literal('inject-write'),
    // The limits of the lab's Write form and of a share link (store/fields.ts, fieldSchemas.ts).
    node: z.optional(nodeIdField),
    key: keyField,
    value: valueField,
  }),
]);

export type HostCommand =
  | { readonly type: 'play' | 'pause' | 'step' }
  /** Shows simulated time `time` (ms), paused; past the run's end, its end. */
  | { readonly type: 'seek'; readonly time: number }
  | { readonly type: 'load-scenario'; readonly run: RunRecord }
  | { readonly type: 'inject-write'; readonly node?: string; readonly key: string; readonly value: string };

export type Inbound =
  /** Not addressed to us (another library's message, or not an object): ignore silently. */
  | { readonly kind: 'foreign' }
  /** Addressed to us but malformed: do nothing, and tell the sender why. */
  | { readonly kind: 'invalid'; readonly id?: string | number; readonly problems: readonly string[] }
  | { readonly kind: 'command'; readonly id?: string | number; readonly command: HostCommand };

const path = (parts: readonly PropertyKey[]) => parts.map(String).join('.') || '(message)';

/** Classifies one inbound message's data. */
export function parseHostMessage(data: unknown): Inbound {
  if (typeof data !== 'object' || data === null || (data as { target?: unknown }).target !== PROTOCOL) {
    return { kind: 'foreign' };
  }
  const rawId = (data as { id?: unknown }).id;
  const echo = typeof rawId === 'string' || typeof rawId === 'number' ? { id: rawId } : {};
  const parsed = hostMessage.safeParse(data);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      ...echo,
      problems: parsed.error.issues.map((issue) => `${path(issue.path)}: ${issue.message}`),
    };
  }
  const message = parsed.data;
  const withId = message.id === undefined ? {} : { id: message.id };
  switch (message.type) {
    case 'load-scenario': {
      const scenario = checkScenario(message.scenario);
      if (!scenario.ok) return { kind: 'invalid', ...withId, problems: scenario.problems };
      return {
        kind: 'command',
        ...withId,
        command: { type: 'load-scenario', run: { scenario: scenario.value, commands: [], time: 0 } },
      };
    }
    case 'seek':
      return { kind: 'command', ...withId, command: { type: 'seek', time: message.time } };
    case 'inject-write':
      return {
        kind: 'command',
        ...withId,
        command: {
          type: 'inject-write',
          key: message.key,
          value: message.value,
          ...(message.node === undefined ? {} : { node: message.node }),
        },
      };
    default:
      return { kind: 'command', ...withId, command: { type: message.type } };
  }
}

export type EmbedMessage =
  | { readonly type: 'ready'; readonly height: number }
  | { readonly type: 'resize'; readonly height: number }
  | {
      readonly type: 'ack';
      readonly id?: string | number;
      readonly command: string;
      /** The command was carried out; for `inject-write`, the write was issued and has not failed. */
      readonly ok: boolean;
      readonly problems?: readonly string[];
      /** `inject-write`: the operation the write became (in the lab's history) and its status then. */
      readonly opId?: number;
      readonly status?: OperationStatus;
    }
  | {
      /** The outcome of an `inject-write`, once it is no longer pending: one per operation. */
      readonly type: 'result';
      readonly id?: string | number;
      readonly command: 'inject-write';
      readonly opId: number;
      readonly node: string;
      readonly key: string;
      /** `discarded`: the lab started over (a reset, a new scenario) while the write was pending. */
      readonly status: Exclude<OperationStatus, 'pending'> | 'discarded';
      readonly error?: string;
      /** A warning that came with success (PostgreSQL's, when a synchronous wait was cancelled). */
      readonly warning?: string;
      /** Simulated ms when it completed. */
      readonly time?: number;
    }
  | {
      /**
       * A lesson's step reached (shown, by Next, Back or a link) or, with `finished`, the lesson finished:
       * for built-in lessons and the reader's own (`#l=`) alike, so a course page can follow progress.
       */
      readonly type: 'lesson-step';
      /** The lesson's id (`basics`; a lesson of one's own has the id its file gives it). */
      readonly lesson: string;
      /** The step, counted from 1 as `?step=N` and the panel count; when finished, the last step. */
      readonly step: number;
      readonly finished: boolean;
      /** A prediction just answered at this step: the choice, counted from 1 as the lesson lists them. */
      readonly answer?: number;
      /** Whether that choice is one the lesson marks right. */
      readonly correct?: boolean;
    }
  | {
      readonly type: 'state';
      readonly playing: boolean;
      /** The instant shown, simulated ms. */
      readonly time: number;
      /** Whether that is the run's present (false while the lab shows the past). */
      readonly live: boolean;
      /** The furthest instant of the branch shown, simulated ms (`time` while live). */
      readonly end: number;
    };

/**
 * The `result` of an injected write that is no longer pending (`settled`, as it ended), or of one the
 * lab dropped by starting over first (`settled` null). `issued` is the operation as it was issued.
 */
export function writeResult(
  id: string | number | undefined,
  issued: OperationRecord,
  settled: OperationRecord | null,
): EmbedMessage {
  const base = {
    type: 'result',
    ...(id === undefined ? {} : { id }),
    command: 'inject-write',
    opId: issued.id,
    node: issued.nodeId,
    key: issued.key,
  } as const;
  if (settled === null) {
    return {
      ...base,
      status: 'discarded',
      error: 'the lab started over (a reset or a new scenario) before the write completed',
    };
  }
  return {
    ...base,
    status: settled.status === 'ok' ? 'ok' : 'failed',
    ...(settled.error === undefined ? {} : { error: settled.error }),
    ...(settled.warning === undefined ? {} : { warning: settled.warning }),
    ...(settled.endedAt === undefined ? {} : { time: settled.endedAt }),
  };
}

/** The `lesson-step` message for a step shown (or, with `answer`, a prediction answered there). */
export const lessonStep = (
  place: LessonPlace,
  finished: boolean,
  answer?: { readonly choice: number; readonly correct: boolean },
): EmbedMessage => ({
  type: 'lesson-step',
  lesson: place.lessonId,
  step: place.index + 1,
  finished,
  ...(answer === undefined ? {} : { answer: answer.choice + 1, correct: answer.correct }),
});

/**
 * The `lesson-step` a change of the lesson store tells the host, if any: a lesson finished, a prediction
 * answered, or a step reached (another step, or a lesson started), not Next performing a step's actions.
 */
export function lessonNews(state: LessonState, previous: LessonState): EmbedMessage | null {
  if (state.finished != null && state.finished !== previous.finished) return lessonStep(state.finished, true);
  const { answered } = state;
  if (answered != null && answered !== previous.answered) return lessonStep(answered.place, false, answered);
  const { open } = state;
  if (open === null || open === previous.open) return null;
  const before = previous.open;
  const same = before !== null && before.lessonId === open.lessonId && before.index === open.index;
  return same ? null : lessonStep(open, false);
}

/** Wraps a message for the host. */
export function envelope(message: EmbedMessage): EmbedMessage & { source: string; v: number } {
  return { source: PROTOCOL, v: PROTOCOL_VERSION, ...message };
}

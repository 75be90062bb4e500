/**
 * The embed's postMessage protocol (documented in README.md). Host → embed messages carry
 * `target: "replication-lab"` and `v: 1`; embed → host messages carry `source: "replication-lab"`.
 * Everything inbound is validated here; origins are compared exactly, never by substring.
 */
import * as z from 'zod/mini';
import { type RunRecord } from '../../store/index.ts';
import { checkScenario } from '../../store/runCheck.ts';

export { allowedOrigins, isAllowed } from './origins.ts';

export const PROTOCOL = 'replication-lab';
export const PROTOCOL_VERSION = 1;

const id = z.optional(z.union([z.string().check(z.maxLength(64)), z.number()]));
const base = { target: z.literal(PROTOCOL), v: z.literal(PROTOCOL_VERSION), id };
const hostMessage = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('play') }),
  z.strictObject({ ...base, type: z.literal('pause') }),
  z.strictObject({ ...base, type: z.literal('step') }),
  z.strictObject({ ...base, type: z.literal('load-scenario'), scenario: z.unknown() }),
  z.strictObject({
    ...base,
    type: z.literal('inject-write'),
    node: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
    key: z.string().check(z.minLength(1), z.maxLength(200)),
    value: z.string().check(z.maxLength(200)),
  }),
]);

export type HostCommand =
  | { readonly type: 'play' | 'pause' | 'step' }
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
      readonly ok: boolean;
      readonly problems?: readonly string[];
    }
  | { readonly type: 'state'; readonly playing: boolean; readonly time: number };

/** Wraps a message for the host. */
export function envelope(message: EmbedMessage): EmbedMessage & { source: string; v: number } {
  return { source: PROTOCOL, v: PROTOCOL_VERSION, ...message };
}

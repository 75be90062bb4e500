/**
 * The embed's side of the postMessage protocol (loaded by useHostMessages): announces `ready`, reports its height, and runs
 * the commands its host sends. Only the parent window, from an allowed origin, is listened to;
 * replies go to that origin alone, never to "*".
 */
import type { RefObject } from 'react';
import { loadStandbyNames, standbyNamesLoaded, type OperationRecord } from '../../engine/index.ts';
import { currentPrimary, timelineEnd, type LabState, type LabStore } from '../../store/index.ts';
import { lessonStoreFor } from '../lessons/lessonStore.ts';
import {
  envelope,
  isAllowed,
  lessonNews,
  lessonStep,
  parseHostMessage,
  writeResult,
  type EmbedMessage,
  type HostCommand,
} from './messages.ts';

/** What carrying out a command came to: its problems and, for a write, the operation it became. */
interface Outcome {
  readonly problems: readonly string[];
  readonly op?: OperationRecord;
}

/** Carries out a host's command; a load's outcome arrives once its replay is done. */
function run(store: LabStore, command: HostCommand): Outcome | Promise<Outcome> {
  const { actions, snapshot } = store.getState();
  const done = (problems: readonly string[] = []): Outcome => ({ problems });
  switch (command.type) {
    case 'play':
      actions.play();
      return done();
    case 'pause':
      actions.pause();
      return done();
    case 'step':
      actions.stepToNextEvent();
      return done();
    case 'seek': {
      // The store says why when it refuses a time (it checks against the branch it shows).
      const before = store.getState().status;
      actions.seek(command.time);
      const { status } = store.getState();
      return done(status !== before && status?.tone === 'error' ? [status.text] : []);
    }
    case 'load-scenario':
      return actions
        .loadRun(command.run, 'The host page loaded a scenario.')
        .then((loaded) =>
          loaded
            ? done()
            : done(
                store.getState().loadReport?.problems ?? [
                  'the replay was cancelled, or another load replaced it',
                ],
              ),
        );
    case 'inject-write': {
      const node = command.node ?? currentPrimary(snapshot.nodes)?.id;
      if (node === undefined) return done(['node: there is no primary to write to']);
      if (!snapshot.nodes.some((n) => n.id === node)) return done([`node: no node called "${node}"`]);
      const op = actions.write(node, command.key, command.value);
      if (op === null) return done([store.getState().error ?? 'the lab refused the write']);
      // A write the database refused at once (a read-only replica, a node that is down) was not accepted.
      return { problems: op.status === 'failed' ? [op.error ?? 'the write failed'] : [], op };
    }
  }
}

/** The `state` message: whether time runs, the instant shown, and how far the branch shown goes. */
function stateOf(state: LabState): EmbedMessage {
  return {
    type: 'state',
    playing: state.playing,
    time: state.simTime,
    live: state.timeline.live,
    end: timelineEnd(state),
  };
}

/**
 * Whether the host hears of a change: playback starting or stopping, and, while paused, the instant
 * shown or the branch changing (a seek, a step, a load); not time passing while playing.
 */
function stateChanged(state: LabState, previous: LabState): boolean {
  if (state.playing !== previous.playing) return true;
  return !state.playing && (state.simTime !== previous.simTime || state.timeline !== previous.timeline);
}

/** Listens to the host (the parent window, from `allowed` origins) until the returned function is called. */
export function listenToHost(
  store: LabStore,
  root: RefObject<HTMLElement | null>,
  allowed: readonly string[],
): () => void {
  const parent = window.parent;
  const post = (message: EmbedMessage, origin?: string) => {
    for (const target of origin === undefined ? allowed : [origin])
      parent.postMessage(envelope(message), target);
  };
  // The lab fills its frame; content that overflows (an open settings panel) makes it taller.
  const height = () => {
    const element = root.current;
    return element === null
      ? 0
      : Math.ceil(Math.max(element.scrollHeight, element.getBoundingClientRect().height));
  };

  /** Writes whose outcome the host is still owed. */
  const waits = new Set<{ stop: () => void }>();

  const onMessage = (event: MessageEvent): void => {
    if (event.source !== parent || !isAllowed(event.origin, allowed)) return;
    // A scenario is checked with the parser of synchronous_standby_names: a message before it is in waits
    // for it (in order: each waits on the same import).
    if (!standbyNamesLoaded()) {
      void loadStandbyNames().then(() => {
        onMessage(event);
      });
      return;
    }
    const inbound = parseHostMessage(event.data);
    if (inbound.kind === 'foreign') return;
    const id = inbound.id === undefined ? {} : { id: inbound.id };
    if (inbound.kind === 'invalid') {
      post({ type: 'ack', ...id, command: 'unknown', ok: false, problems: inbound.problems }, event.origin);
      return;
    }
    const command = inbound.command.type;
    void Promise.resolve(run(store, inbound.command)).then(({ problems, op }) => {
      answer(command, id, problems, op, event.origin);
    });
  };

  /** The ack for a command and, for a write, its result once it has one. */
  const answer = (
    command: HostCommand['type'],
    id: { readonly id?: string | number },
    problems: readonly string[],
    op: OperationRecord | undefined,
    origin: string,
  ) => {
    post(
      {
        type: 'ack',
        ...id,
        command,
        ok: problems.length === 0,
        ...(problems.length === 0 ? {} : { problems }),
        ...(op === undefined ? {} : { opId: op.id, status: op.status }),
      },
      origin,
    );
    if (op === undefined) return;
    // The write's outcome follows its ack: at once if it has one, else once it leaves pending.
    const wait: { stop: () => void } = {
      stop: () => {
        // Replaced below, once onSettled returns.
      },
    };
    waits.add(wait);
    wait.stop = store.getState().actions.onSettled(op.id, (settled) => {
      waits.delete(wait);
      post(writeResult(id.id, op, settled), origin);
    });
  };
  window.addEventListener('message', onMessage);

  let last = -1;
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const now = height();
      if (now !== last) post({ type: 'resize', height: now });
      last = now;
    });
  });
  if (root.current !== null) observer.observe(root.current);

  let lastState = '';
  const unsubscribe = store.subscribe((state, previous) => {
    if (!stateChanged(state, previous)) return;
    const message = stateOf(state);
    // Said once: a change of timeline alone (a new marker) may leave what the host hears the same.
    const said = JSON.stringify(message);
    if (said !== lastState) post(message);
    lastState = said;
  });
  const lessons = lessonStoreFor(store);
  const stopLessons = lessons.subscribe((state, previous) => {
    const news = lessonNews(state, previous);
    if (news !== null) post(news);
  });
  last = height();
  post({ type: 'ready', height: last });
  // A lesson a link opened before the host was listened to: its step, after `ready`.
  const opened = lessons.getState().open;
  if (opened !== null) post(lessonStep(opened, false));
  return () => {
    window.removeEventListener('message', onMessage);
    for (const wait of waits) wait.stop();
    waits.clear();
    observer.disconnect();
    cancelAnimationFrame(frame);
    unsubscribe();
    stopLessons();
  };
}

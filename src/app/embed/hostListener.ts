/**
 * The embed's side of the postMessage protocol (loaded by useHostMessages): announces `ready`, reports its height, and runs
 * the commands its host sends. Only the parent window, from an allowed origin, is listened to;
 * replies go to that origin alone, never to "*".
 */
import type { RefObject } from 'react';
import { currentPrimary, type LabStore } from '../../store/index.ts';
import { envelope, isAllowed, parseHostMessage, type EmbedMessage, type HostCommand } from './messages.ts';

/** Runs a host's command; its problems (none when it was carried out) arrive once it is done. */
function run(store: LabStore, command: HostCommand): readonly string[] | Promise<readonly string[]> {
  const { actions, snapshot } = store.getState();
  switch (command.type) {
    case 'play':
      actions.play();
      return [];
    case 'pause':
      actions.pause();
      return [];
    case 'step':
      actions.stepToNextEvent();
      return [];
    case 'load-scenario':
      return actions
        .loadRun(command.run, 'The host page loaded a scenario.')
        .then((loaded) =>
          loaded
            ? []
            : (store.getState().loadReport?.problems ?? [
                'the replay was cancelled, or another load replaced it',
              ]),
        );
    case 'inject-write': {
      const node = command.node ?? currentPrimary(snapshot.nodes)?.id;
      if (node === undefined) return ['node: there is no primary to write to'];
      if (!snapshot.nodes.some((n) => n.id === node)) return [`node: no node called "${node}"`];
      actions.write(node, command.key, command.value);
      const { error } = store.getState();
      return error === null ? [] : [error];
    }
  }
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

  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || !isAllowed(event.origin, allowed)) return;
    const inbound = parseHostMessage(event.data);
    if (inbound.kind === 'foreign') return;
    const id = inbound.id === undefined ? {} : { id: inbound.id };
    if (inbound.kind === 'invalid') {
      post({ type: 'ack', ...id, command: 'unknown', ok: false, problems: inbound.problems }, event.origin);
      return;
    }
    const command = inbound.command.type;
    void Promise.resolve(run(store, inbound.command)).then((problems) => {
      post(
        {
          type: 'ack',
          ...id,
          command,
          ok: problems.length === 0,
          ...(problems.length === 0 ? {} : { problems }),
        },
        event.origin,
      );
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

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playing !== previous.playing)
      post({ type: 'state', playing: state.playing, time: state.simTime });
  });
  last = height();
  post({ type: 'ready', height: last });
  return () => {
    window.removeEventListener('message', onMessage);
    observer.disconnect();
    cancelAnimationFrame(frame);
    unsubscribe();
  };
}

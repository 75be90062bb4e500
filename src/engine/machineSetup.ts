/**
 * XState's `setup` as the engine's machines use it: `setup({ types, guards, actions, delays })
 * .createMachine(config)`, with the same types and the same machine. XState's own returns every action
 * creator besides (`sendTo`, `log`, `enqueueActions`, ...), so all of them would ship in the lab's first
 * frame though the engine uses none; the machines import `assign` and `emit` from XState directly.
 */
import { createMachine, type setup as xstateSetup } from 'xstate';

type Setup = typeof xstateSetup;
type Implementations = Parameters<Setup>[0];

function createOnly({ schemas, actors, actions, guards, delays }: Implementations) {
  return {
    createMachine: (config: object) =>
      createMachine({ ...config, schemas } as never, { actors, actions, guards, delays }),
  };
}

/** `setup` from XState, for `.createMachine` only (see above). */
export const setup = createOnly as unknown as Setup;

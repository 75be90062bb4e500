/** Heal: restores every cut link (the engine heals the whole partition at once). */
import { useLabActions, useLabStore } from '../../../store/index.ts';

export function HealButton() {
  const actions = useLabActions();
  const partitioned = useLabStore((s) => s.snapshot.network.partitioned);
  return (
    <button
      type="button"
      disabled={!partitioned}
      title="Restore every cut link"
      onClick={() => {
        actions.heal();
      }}
    >
      Heal
    </button>
  );
}

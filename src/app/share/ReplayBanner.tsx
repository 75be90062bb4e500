/** While a long run from a link, a file or a host page replays: how far it is, and a way to stop it. */
import { useId } from 'react';
import { useLabStore } from '../../store/index.ts';
import { formatSimTime } from '../../view/simTime.ts';

export function ReplayBanner() {
  const replaying = useLabStore((s) => s.replaying);
  const cancel = useLabStore((s) => s.actions.cancelReplay);
  const title = useId();
  if (replaying === null) return null;
  const percent = Math.floor(replaying.progress * 100);
  return (
    <section className="banner replay-progress" data-banner="replay" aria-labelledby={title}>
      <h2 id={title}>Replaying the run…</h2>
      <progress max={100} value={percent} aria-labelledby={title} aria-valuetext={`${percent}%`} />
      <span className="replay-progress-figures">
        {percent}%: {formatSimTime(replaying.at)} of {formatSimTime(replaying.of)} simulated
      </span>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </section>
  );
}

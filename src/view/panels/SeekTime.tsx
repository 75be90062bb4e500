/** A time in a ledger or a chart's table, as a link-styled button that shows the lab at that instant. */
import { useLabStoreApi } from '../../store/index.ts';
import { formatSimTime } from '../simTime.ts';

export function SeekTime({
  at,
  format = formatSimTime,
  className,
}: {
  /** Simulated ms. */
  readonly at: number;
  readonly format?: (ms: number) => string;
  readonly className?: string;
}) {
  // Read at the click, not subscribed: a ledger of these costs the paced renders nothing more.
  const store = useLabStoreApi();
  const text = format(at);
  return (
    <button
      type="button"
      className={className === undefined ? 'seek-time' : `seek-time ${className}`}
      aria-label={`Show ${text}`}
      title="Show the lab at this instant"
      data-seek-time={at}
      onClick={() => {
        store.getState().actions.seek(at);
      }}
    >
      <time>{text}</time>
    </button>
  );
}

/** Actions on one replication link: cut it (a partition), heal the network, slow it down. */
import { useId } from 'react';
import type { LinkView } from '../../engine/index.ts';
import { useLabActions, useLabStore } from '../../store/index.ts';

const SLOW_CHOICES = [300, 1000];

export function LinkActions({ link, showHeal }: { readonly link: LinkView; readonly showHeal: boolean }) {
  const actions = useLabActions();
  const normal = useLabStore((s) => s.settings.network.latencyMs);
  const partitioned = useLabStore((s) => s.snapshot.network.partitioned);
  const id = useId();
  const current = Math.round(link.latencyMs);
  const choices = [...new Set([normal, ...SLOW_CHOICES, current])].sort((a, b) => a - b);
  const ref = { from: link.from, to: link.to };
  return (
    <div className="node-actions">
      <button
        type="button"
        className="button--danger"
        disabled={link.cut}
        title={`Partition ${link.to} (and whatever streams from it) away from ${link.from}`}
        onClick={() => {
          actions.cutLink(ref);
        }}
      >
        Cut
      </button>
      {showHeal && (
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
      )}
      <span className="inline-field">
        <label htmlFor={id}>Slow down</label>
        <select
          id={id}
          value={current}
          title="One-way latency of this link"
          onChange={(e) => {
            actions.setLinkLatency(ref, Number(e.target.value));
          }}
        >
          {choices.map((ms) => (
            <option key={ms} value={ms}>
              {ms} ms{ms === normal ? ' (normal)' : ''}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

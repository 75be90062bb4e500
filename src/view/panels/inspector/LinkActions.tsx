/** Actions on one replication link: cut it (a partition), heal the network, slow it down. */
import { useId } from 'react';
import type { LinkView } from '../../../engine/index.ts';
import { useLabActions, useLabStore } from '../../../store/index.ts';
import { latencyChoices } from '../../graph/menuItems.ts';
import { HealButton } from './HealButton.tsx';

export function LinkActions({ link, showHeal }: { readonly link: LinkView; readonly showHeal: boolean }) {
  const actions = useLabActions();
  const normal = useLabStore((s) => s.settings.network.latencyMs);
  const id = useId();
  const current = Math.round(link.latencyMs);
  const choices = latencyChoices(normal, current);
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
      {showHeal && <HealButton />}
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

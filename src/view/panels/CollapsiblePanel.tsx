/** A side or dock panel whose heading is a disclosure button; the store remembers whether it is open. */
import type { ReactNode } from 'react';
import { useLabStore, type PanelId } from '../../store/index.ts';

interface Props {
  readonly id: PanelId;
  readonly title: ReactNode;
  /** A short summary shown beside the title, visible even when the panel is closed (a count, a state). */
  readonly summary?: ReactNode;
  readonly className?: string;
  readonly children: ReactNode;
  /** Extra attributes for tests and styling (data-*). */
  readonly data?: Readonly<Record<`data-${string}`, string>>;
}

export function CollapsiblePanel({ id, title, summary, className = '', children, data }: Props) {
  const open = useLabStore((s) => s.panelsOpen[id]);
  const setPanelOpen = useLabStore((s) => s.setPanelOpen);
  const titleId = `${id}-panel-title`;
  const bodyId = `${id}-panel-body`;
  return (
    <section
      className={`panel collapsible ${className}`}
      aria-labelledby={titleId}
      data-panel={id}
      data-open={open ? 'true' : 'false'}
      {...data}
    >
      <h2 id={titleId} className="collapsible-title">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => {
            setPanelOpen(id, !open);
          }}
        >
          <span className="disclosure-icon" aria-hidden="true">
            ▸
          </span>
          <span className="disclosure-title">{title}</span>
          {summary !== undefined && <span className="disclosure-summary">{summary}</span>}
        </button>
      </h2>
      <div id={bodyId} className="collapsible-body" hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}

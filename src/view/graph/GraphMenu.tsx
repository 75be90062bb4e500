/**
 * The popover a node or link opens in the graph (click, or Enter on it): a WAI-ARIA menu of its actions,
 * the same store commands as the inspector's buttons. Arrow keys, Home and End move; Escape or Tab closes
 * it and returns focus to the node or link; Write here… and Re-point… swap the menu for a small form.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LinkView } from '../../engine/index.ts';
import { useLabActions, useLabStore, type LinkRef } from '../../store/index.ts';
import { RepointControl } from '../panels/inspector/RepointControl.tsx';
import { WriteForm, type Draft } from '../panels/inspector/WriteForm.tsx';
import {
  linkMenuItems,
  menuKeyTarget,
  followTarget,
  nodeMenuItems,
  regionChoices,
  regionMenuItems,
  type MenuItem,
} from './menuItems.ts';

export type MenuTarget =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'region'; readonly id: string }
  | ({ readonly kind: 'link' } & LinkRef);

/** Where the menu opens: the target's box, in pixels from the graph container's top left. */
export interface Anchor {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface Props {
  readonly target: MenuTarget;
  readonly anchor: Anchor;
  /** The graph container's size, so the menu stays inside it. */
  readonly bounds: { readonly width: number; readonly height: number };
  /** Closes the menu; `refocus` returns focus to the node or link that opened it. */
  readonly onClose: (refocus: boolean) => void;
  readonly onOpenLink: (link: LinkRef) => void;
}

type Mode = 'menu' | 'write' | 'repoint';

const GAP = 8;

function findLink(links: readonly LinkView[], ref: LinkRef): LinkView | undefined {
  return links.find((l) => l.from === ref.from && l.to === ref.to);
}

export function GraphMenu({ target, anchor, bounds, onClose, onOpenLink }: Props) {
  const actions = useLabActions();
  const node = useLabStore((s) =>
    target.kind === 'node' ? s.snapshot.nodes.find((n) => n.id === target.id) : undefined,
  );
  const links = useLabStore((s) => s.snapshot.links);
  const system = useLabStore((s) => s.scenario.system);
  const follow = useLabStore((s) =>
    target.kind === 'node' ? followTarget(s.snapshot.nodes, target.id, s.scenario.system) : undefined,
  );
  const regionViews = useLabStore((s) => s.snapshot.regions);
  const between = useLabStore((s) => s.snapshot.between);
  const partitioned = useLabStore((s) => s.snapshot.network.partitioned);
  const normalMs = useLabStore((s) => s.settings.network.latencyMs);
  const [mode, setMode] = useState<Mode>('menu');
  const [draft, setDraft] = useState<Draft>({ key: 'balance', value: '100' });
  const box = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  const link = target.kind === 'link' ? findLink(links, target) : undefined;
  const regions = regionChoices(regionViews, between);
  const region = target.kind === 'region' ? regions.find((r) => r.id === target.id) : undefined;
  const items: MenuItem[] =
    node !== undefined
      ? nodeMenuItems(
          node,
          links.find((l) => l.to === node.id && !l.peer),
          partitioned,
          regions,
          follow,
        )
      : link !== undefined
        ? linkMenuItems(link, partitioned, normalMs)
        : region !== undefined
          ? regionMenuItems(region, partitioned)
          : [];
  const title =
    node !== undefined
      ? `Actions on ${node.id}`
      : link !== undefined
        ? `Link ${link.from} → ${link.to}`
        : region !== undefined
          ? `Region ${region.name}`
          : '';
  const gone = node === undefined && link === undefined && region === undefined;

  useEffect(() => {
    if (gone) onClose(false);
  }, [gone, onClose]);

  // Beside the target, on whichever side has room, kept inside the graph. When it grows taller (a form's
  // field message) it moves up, so its foot never falls below the graph's edge; its side stays put (a
  // width that follows its side could swing it back and forth).
  useLayoutEffect(() => {
    const el = box.current;
    if (el === null) return;
    const topFor = (h: number) => Math.min(Math.max(GAP, anchor.top), Math.max(GAP, bounds.height - h - GAP));
    const w = el.offsetWidth;
    let h = el.offsetHeight;
    const right = anchor.right + GAP;
    const left = right + w <= bounds.width ? right : Math.max(GAP, anchor.left - GAP - w);
    setPosition({ left, top: topFor(h) });
    const observer = new ResizeObserver(() => {
      if (el.offsetHeight === h) return;
      h = el.offsetHeight;
      setPosition({ left, top: topFor(h) });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, [anchor, bounds, mode, items.length]);

  // Focus the first item (or the form's first field) once the menu or a form is placed (and so visible).
  const placed = position !== null;
  useEffect(() => {
    if (placed) box.current?.querySelector<HTMLElement>('[role^="menuitem"], input, select')?.focus();
  }, [mode, target, placed]);

  // A pointer press anywhere outside closes it (the graph reopens it on a node or link click).
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && box.current?.contains(event.target) !== true) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [onClose]);

  if (gone) return null;

  const choose = (item: MenuItem) => {
    const step = item.step;
    if (step.kind === 'run') {
      step.run(actions);
      onClose(true);
    } else if (step.kind === 'form') {
      setMode(step.form);
    } else {
      onOpenLink(step.link);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (mode === 'menu') onClose(true);
      else setMode('menu');
      return;
    }
    if (event.key === 'Tab') {
      if (mode === 'menu') onClose(true);
      return;
    }
    if (mode !== 'menu') return;
    const entries = [...(box.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const index = entries.findIndex((e) => e === document.activeElement);
    const next = menuKeyTarget(event.key, index, entries.length);
    if (next === null) return;
    event.preventDefault();
    entries[next]?.focus();
  };

  const style = position === null ? { visibility: 'hidden' as const, left: 0, top: 0 } : position;
  return (
    <div className="graph-menu" ref={box} style={style} onKeyDown={onKeyDown}>
      {mode === 'menu' && (
        <p className="graph-menu-title" aria-hidden="true">
          {title}
        </p>
      )}
      {mode === 'menu' && (
        <div role="menu" aria-label={title} className="graph-menu-items">
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              tabIndex={-1}
              title={item.hint}
              className={item.danger === true ? 'graph-menu-item graph-menu-item--danger' : 'graph-menu-item'}
              onClick={() => {
                choose(item);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {mode === 'write' && node !== undefined && (
        <div role="dialog" aria-label={`Write to ${node.id}`} className="graph-menu-form">
          <WriteForm
            nodeId={node.id}
            draft={draft}
            onChange={setDraft}
            offerInsert={system === 'mariadb'}
            onSubmit={(insert) => {
              actions.write(node.id, draft.key, draft.value, insert ? { insert } : undefined);
              onClose(true);
            }}
          />
        </div>
      )}
      {mode === 'repoint' && node !== undefined && (
        <div role="dialog" aria-label={`Re-point ${node.id}`} className="graph-menu-form">
          <RepointControl
            node={node}
            onDone={() => {
              onClose(true);
            }}
          />
        </div>
      )}
    </div>
  );
}

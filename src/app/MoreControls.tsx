/**
 * The toolbar's "More" disclosure: a button that shows or hides the controls a small window has no
 * room for. Those controls keep their own names; Escape closes it and gives focus back to the button,
 * and a press outside closes it (not one in a dialog it opened, such as Share, which returns focus here).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export function MoreControls({ children }: { readonly children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      if (wrap.current?.contains(target) === true || target.closest('dialog') !== null) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="more-controls" ref={wrap} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={id}
        title="Controls this window has no room for"
        onClick={() => {
          setOpen(!open);
        }}
      >
        <span className="control-icon" aria-hidden="true">
          ⋯
        </span>
        <span className="control-label">More</span>{' '}
        <span className="more-caret" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div id={id} className="more-panel" role="group" aria-label="More controls" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

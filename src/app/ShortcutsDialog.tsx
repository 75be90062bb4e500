/** The keyboard shortcuts, in a modal dialog opened with `?` or the toolbar's ? button. */
import { useEffect, useRef } from 'react';
import { useLabStore } from '../store/index.ts';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutsDialog() {
  const open = useLabStore((s) => s.shortcutsHelpOpen);
  const enabled = useLabStore((s) => s.shortcutsEnabled);
  const setOpen = useLabStore((s) => s.setShortcutsHelpOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => {
        setOpen(false);
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="facts">
        {SHORTCUTS.map((s) => (
          <div key={s.keys}>
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {enabled
          ? 'Single-key shortcuts act while the lab has focus, never while you type; turn them off in Settings.'
          : 'Single-key shortcuts are off; turn them on in Settings.'}
      </p>
      <form method="dialog">
        <button type="submit" className="button--primary">
          Close
        </button>
      </form>
    </dialog>
  );
}

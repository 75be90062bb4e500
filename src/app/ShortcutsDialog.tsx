/** The keyboard shortcuts, in a modal dialog opened with `?` or the toolbar's ? button. */
import { useLabStore } from '../store/index.ts';
import { useModalDialog } from './useModalDialog.ts';
import { PRESENTER_SHORTCUTS, SHORTCUTS, type Shortcut } from './shortcutList.ts';

const IN_THE_LAB = ['In the lab', SHORTCUTS] as const;
const PRESENTING = ['Presenting', PRESENTER_SHORTCUTS] as const;

function Keymap({ shortcuts }: { readonly shortcuts: readonly Shortcut[] }) {
  return (
    <dl className="facts">
      {shortcuts.map((s) => (
        <div key={s.keys}>
          <dt>
            <kbd>{s.keys}</kbd>
          </dt>
          <dd>{s.action}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShortcutsDialog() {
  const open = useLabStore((s) => s.shortcutsHelpOpen);
  const enabled = useLabStore((s) => s.shortcutsEnabled);
  const presenting = useLabStore((s) => s.presenting);
  const setOpen = useLabStore((s) => s.setShortcutsHelpOpen);
  const modal = useModalDialog(open, setOpen);
  return (
    <dialog {...modal} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {/* While presenting, the presenter's keys come first: that is what the speaker needs. */}
      {(presenting ? [PRESENTING, IN_THE_LAB] : [IN_THE_LAB, PRESENTING]).map(([title, shortcuts]) => (
        <section key={title} aria-label={title}>
          <h3 className="shortcuts-group">{title}</h3>
          <Keymap shortcuts={shortcuts} />
        </section>
      ))}
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

/**
 * Asked when the lesson editor closes with changes not exported nor linked: keep editing (the default,
 * and Escape), export the lesson and close, or close and lose it. A modal dialog, so nothing else takes
 * a click meanwhile; focus goes back to Close when it is kept open.
 */
import { useModalDialog } from '../useModalDialog.ts';

export function CloseEditorDialog({
  open,
  canExport,
  onKeep,
  onExport,
  onDiscard,
}: {
  readonly open: boolean;
  /** Whether the lesson passes its check (only then can it be exported). */
  readonly canExport: boolean;
  readonly onKeep: () => void;
  readonly onExport: () => void;
  readonly onDiscard: () => void;
}) {
  const modal = useModalDialog(open, (next) => {
    if (!next) onKeep();
  });
  // The dialog closes first: while it is open the page behind it is inert, and focus could not go back.
  const leaving = (then: () => void) => () => {
    modal.ref.current?.close();
    then();
  };
  return (
    <dialog
      {...modal}
      className="share-dialog editor-close-dialog"
      aria-labelledby="editor-close-title"
      aria-describedby="editor-close-text"
    >
      <h2 id="editor-close-title">Close the lesson editor?</h2>
      <p id="editor-close-text">
        {canExport
          ? 'This lesson has changes you have not exported or linked. Closing loses them.'
          : 'This lesson has changes you have not exported or linked, and problems to fix before it can be. Closing loses them.'}
      </p>
      <div className="editor-row">
        <button type="button" autoFocus onClick={modal.onClose}>
          Keep editing
        </button>
        {canExport && (
          <button type="button" onClick={leaving(onExport)}>
            Export and close
          </button>
        )}
        <button type="button" className="button--danger" onClick={leaving(onDiscard)}>
          Close and lose the lesson
        </button>
      </div>
    </dialog>
  );
}

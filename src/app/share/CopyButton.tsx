/** A button that copies text, and says whether it could (the clipboard may be blocked). */
import { useState } from 'react';
import { copyText } from './copyText.ts';

export function CopyButton({
  text,
  label,
  onCopied,
}: {
  readonly text: string;
  readonly label: string;
  /** Called once the text is on the clipboard. */
  readonly onCopied?: () => void;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        onClick={() => {
          void copyText(text).then((ok) => {
            setState(ok ? 'copied' : 'failed');
            if (ok) onCopied?.();
          });
        }}
      >
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'Copying was blocked: select the text and copy it.'
            : ''}
      </span>
    </>
  );
}

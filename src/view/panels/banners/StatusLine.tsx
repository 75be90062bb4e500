/** The result of the user's last action, in words; the region exists before it has text. */
import { useLabStore } from '../../../store/index.ts';
import { translateRoles, useWords } from '../../vocabulary.ts';

const ICON = { info: 'ℹ', ok: '✓', warn: '⚠', error: '✕' } as const;

export function StatusLine() {
  const status = useLabStore((s) => s.status);
  const words = useWords();
  return (
    <p role="status" className={`status-line${status === null ? '' : ` status-line--${status.tone}`}`}>
      {status !== null && (
        <>
          <span aria-hidden="true" className="status-icon">
            {ICON[status.tone]}
          </span>
          <span>{translateRoles(status.text, words)}</span>
        </>
      )}
    </p>
  );
}

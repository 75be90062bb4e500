/** The embed's way out: opens the full lab in a new tab on this exact run, sending no referrer. */
import type { ReactNode } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { shareUrl } from '../share/shareUrl.ts';

export function OpenInLab({
  children,
  className,
}: {
  readonly children: ReactNode;
  readonly className?: string;
}) {
  const store = useLabStoreApi();
  // The href is rebuilt when the reader reaches for the link, so it carries the run as it is then.
  const refresh = (link: HTMLAnchorElement) => {
    const { actions, theme, vocabulary } = store.getState();
    link.href = shareUrl(window.location.origin, actions.currentRun(), { theme, terms: vocabulary }, '/');
  };
  return (
    <a
      href="/"
      className={className}
      target="_blank"
      rel="noreferrer"
      aria-label="Open in Replication Lab"
      title="Open this run in the full Replication Lab, in a new tab"
      onPointerEnter={(e) => {
        refresh(e.currentTarget);
      }}
      onFocus={(e) => {
        refresh(e.currentTarget);
      }}
      onClick={(e) => {
        refresh(e.currentTarget);
      }}
    >
      {children}
    </a>
  );
}

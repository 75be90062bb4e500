/** The embed's way out: opens the full lab in a new tab on this exact run, sending no referrer. */
import { useEffect, type ReactNode } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { LAB_BASE } from '../labBase.ts';
import { whenIdle } from '../../view/whenIdle.ts';

// Encoding a run (lz-string) is a chunk of its own, fetched when the browser is idle after the first frame.
let shareUrls: typeof import('../share/shareUrl.ts') | null = null;
const loadShareUrls = () =>
  import('../share/shareUrl.ts').then((module) => {
    shareUrls = module;
  });

export function OpenInLab({
  children,
  className,
}: {
  readonly children: ReactNode;
  readonly className?: string;
}) {
  const store = useLabStoreApi();
  useEffect(() => whenIdle(() => loadShareUrls().catch(() => undefined)), []);
  // The href is rebuilt when the reader reaches for the link, so it carries the run as it is then.
  const refresh = (link: HTMLAnchorElement): void => {
    if (shareUrls === null) {
      void loadShareUrls().then(() => {
        refresh(link);
      });
      return;
    }
    const { actions, theme, vocabulary } = store.getState();
    link.href = shareUrls.shareUrl(
      window.location.origin,
      actions.currentRun(),
      { theme, terms: vocabulary },
      '/',
    );
  };
  return (
    <a
      href={LAB_BASE}
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

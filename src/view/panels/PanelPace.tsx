/** Wraps the panels so they follow a playing simulation a few times a second (see store/paced.ts). */
import { useMemo, type ReactNode } from 'react';
import { LabPaceContext, pacedSubscribe, useLabStoreApi } from '../../store/index.ts';

export function PanelPace({ children }: { readonly children: ReactNode }) {
  const store = useLabStoreApi();
  const subscribe = useMemo(() => pacedSubscribe(store), [store]);
  return <LabPaceContext value={subscribe}>{children}</LabPaceContext>;
}

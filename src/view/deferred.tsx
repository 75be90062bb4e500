/**
 * A component kept out of the initial JavaScript: its chunk is fetched on first use (or earlier, with
 * `preload`, e.g. when the browser is idle after the first frame). Once fetched it renders at once,
 * with no fallback flash; a chunk that fails to load shows a short message instead of breaking the lab.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

interface Deferred<P> {
  /** Renders the component, or `fallback` (keep it the same size) until its chunk has arrived. */
  readonly Component: ComponentType<P & { readonly fallback?: ReactNode }>;
  /** Starts fetching the chunk; calling it again reuses the same request. */
  readonly preload: () => Promise<unknown>;
}

interface LoadState {
  readonly failed: string | null;
}

class LoadBoundary extends Component<{ readonly children: ReactNode }, LoadState> {
  override state: LoadState = { failed: null };
  static getDerivedStateFromError(error: unknown): LoadState {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <p role="alert" className="hint">
        This part of the lab could not be loaded ({this.state.failed}). Reload the page to try again.
      </p>
    );
  }
}

/** `load` resolves to the component, e.g. `() => import('./Charts.tsx').then((m) => m.Charts)`. */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): Deferred<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchComponent = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // the next use tries again
        throw error;
      },
    );
    return pending;
  };
  // A failed prefetch stays quiet: the first real use fetches again and, failing, says so.
  const preload = () => fetchComponent().catch(() => undefined);
  const Lazy = lazy(() => fetchComponent().then((component) => ({ default: component })));
  function DeferredComponent({ fallback = null, ...props }: P & { readonly fallback?: ReactNode }) {
    // Chosen once per mount, so an instance never swaps component types (and loses its state).
    const [Resolved] = useState<ComponentType<P> | null>(() => loaded);
    if (Resolved !== null) return <Resolved {...(props as P)} />;
    return (
      <LoadBoundary>
        <Suspense fallback={fallback}>
          <Lazy {...(props as P)} />
        </Suspense>
      </LoadBoundary>
    );
  }
  return { Component: DeferredComponent, preload };
}

/** True from the first render where `shown` is true on: a deferred dialog mounts when first opened, then stays. */
export function useShownOnce(shown: boolean): boolean {
  const [once, setOnce] = useState(shown);
  if (shown && !once) setOnce(true);
  return once || shown;
}

/**
 * The caption under the header. `clamped` (a small window) shows one line, with a button that shows
 * the whole text when it does not fit; screen readers always get the whole text.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function Caption({ text, clamped }: { readonly text: string; readonly clamped: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const line = useRef<HTMLSpanElement>(null);
  const oneLine = clamped && !expanded;

  useLayoutEffect(() => {
    const element = line.current;
    if (element === null || !oneLine) return undefined;
    const measure = () => {
      setOverflows(element.scrollWidth > element.clientWidth + 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [oneLine, text]);

  return (
    <p className={`caption${oneLine ? ' caption--clamped' : ''}`}>
      <span ref={line} className="caption-text" title={oneLine && overflows ? text : undefined}>
        {text}
      </span>
      {clamped && (expanded || overflows) && (
        <button
          type="button"
          className="caption-toggle"
          aria-expanded={expanded}
          aria-label="Whole caption"
          title={expanded ? 'Show the caption on one line' : 'Show the whole caption'}
          onClick={() => {
            setExpanded(!expanded);
          }}
        >
          <span aria-hidden="true">{expanded ? '▴' : '…'}</span>
        </button>
      )}
    </p>
  );
}

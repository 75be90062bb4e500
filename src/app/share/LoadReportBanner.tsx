/** The banner for a bad link, file or host message: each problem by path, as plain text. */
import { useState } from 'react';
import { useLabStore } from '../../store/index.ts';
import { copyText } from './copyText.ts';

export function LoadReportBanner() {
  const report = useLabStore((s) => s.loadReport);
  const dismiss = useLabStore((s) => s.actions.showLoadReport);
  const [copied, setCopied] = useState(false);
  if (report === null) return null;
  return (
    <section
      className="banner banner--warn load-report"
      data-banner="load-report"
      aria-labelledby="load-report-title"
    >
      <h2 id="load-report-title">
        <span aria-hidden="true">⚠ </span>
        {report.title}
      </h2>
      {/* A long list scrolls: focusable, so it scrolls from the keyboard too. */}
      <ul className="load-report-problems" tabIndex={0} aria-label="Problems">
        {report.problems.map((problem, i) => (
          <li key={i}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
      <div className="load-report-actions">
        <button
          type="button"
          onClick={() => {
            void copyText(`${report.title}\n${report.problems.join('\n')}`).then(setCopied);
          }}
        >
          {copied ? 'Copied' : 'Copy error details'}
        </button>
        <button
          type="button"
          onClick={() => {
            dismiss(null);
          }}
        >
          Dismiss
        </button>
      </div>
    </section>
  );
}

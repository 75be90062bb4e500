/**
 * The review file: one self-contained HTML page for a design document (the Share dialog's Export review).
 * It makes no request of any kind: its CSS is inline, its pictures are `data:` URLs or inline SVG, it
 * has no script, and its only address is the share link that reopens the run. It follows the reader's
 * light or dark scheme, prints on white, and reads at phone width. Every text that came from the run
 * (scenario names, keys, values, node ids) is escaped here, so markup in it shows as text.
 */
import { escapeHtml } from './escape.ts';
import type { ReviewChart } from './reviewCharts.ts';

/** The graph as drawn, in the lab's light and dark themes (`data:image/svg+xml` URLs). */
export interface ReviewPicture {
  readonly light: string;
  readonly dark: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

export interface ReviewFailover {
  readonly id: number;
  readonly oldPrimary: string;
  readonly newPrimary: string;
  readonly trigger: string;
  readonly splitBrain: boolean;
  readonly failedAt: string;
  readonly promotedAt: string;
  readonly rto: string;
  readonly rpo: string;
  readonly lostWrites: number;
}

export interface ReviewLostWrite {
  readonly id: number;
  readonly nodeId: string;
  readonly key: string;
  readonly value: string;
  readonly acknowledgedAt: string;
  readonly why: string;
}

export interface ReviewConflictVersion {
  readonly origin: string;
  readonly value: string;
  readonly at: string;
  readonly vector: string;
  readonly fate: string;
}

export interface ReviewConflict {
  readonly id: number;
  readonly key: string;
  readonly at: string;
  readonly strategy: string;
  readonly versions: readonly ReviewConflictVersion[];
  readonly outcome: string;
}

export interface ReviewAnomaly {
  readonly kind: string;
  readonly at: string;
  readonly nodeIds: readonly string[];
  readonly explanation: string;
}

/** One lab's part of the review (a comparison has two). */
export interface ReviewSide {
  /** "A" or "B" in a comparison; null for the lab alone. */
  readonly label: string | null;
  readonly name: string;
  /** The lab's caption: what is connected to what, how writes are confirmed, failover, workload. */
  readonly caption: string;
  /** The settings in the Settings panel's words. */
  readonly settings: string;
  readonly picture: ReviewPicture | null;
  /** Why there is no picture, when there is none. */
  readonly pictureProblem?: string;
  readonly metrics: readonly { readonly label: string; readonly value: string; readonly alert: boolean }[];
  readonly charts: readonly ReviewChart[];
  /** How failover works in this run (manual, or the manager's state and settings), in words. */
  readonly failoverManager: string;
  readonly failovers: readonly ReviewFailover[];
  /** Every failover so far (the table shows the newest). */
  readonly failoverTotal: number;
  readonly lostWrites: readonly ReviewLostWrite[];
  readonly lostTotal: number;
  readonly conflicts: readonly ReviewConflict[];
  readonly conflictTotal: number;
  /** What the consistency checker found; null when it could not run. */
  readonly anomalies: readonly ReviewAnomaly[] | null;
}

export interface ReviewDifference {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly better: string;
}

export interface ReviewComparison {
  /** How B differs from A, in words. */
  readonly words: readonly string[];
  readonly differences: readonly ReviewDifference[];
}

export interface Review {
  readonly title: string;
  /** The instant shown, "12.40 s". */
  readonly shownAt: string;
  /** The share link that reopens the run (and the comparison). */
  readonly link: string;
  readonly sides: readonly ReviewSide[];
  readonly comparison: ReviewComparison | null;
}

const e = escapeHtml;

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--surface:#f4f6f9;--text:#1b1f24;--muted:#566170;--border:#d3d9e1;
--accent:#2457c5;--danger:#b42318;--danger-bg:#fdecea;--s1:#2457c5;--s2:#c2410c;--s3:#0d7356;--s4:#9d174d;
--s5:#6741d9;--s6:#6b5900}
@media screen and (prefers-color-scheme:dark){:root{--bg:#0e1116;--surface:#161b22;--text:#e6e9ee;
--muted:#9ba6b4;--border:#303843;--accent:#82aaff;--danger:#ff8a80;--danger-bg:#3a1614;--s1:#82aaff;
--s2:#fb923c;--s3:#5fd3b0;--s4:#f783ac;--s5:#b197fc;--s6:#f5c451}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
main{max-width:1100px;margin:0 auto;padding:24px 20px 40px}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 4px}
h2{font-size:1.25rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--border)}
h3{font-size:1.05rem;margin:22px 0 6px}
h4{font-size:.95rem;margin:0 0 4px}
.side>h2{font-size:1.4rem;border-bottom:3px solid var(--accent)}
p{margin:6px 0}
a{color:var(--accent)}
.meta,.muted,.summary{color:var(--muted)}
.summary{font-size:.85rem;margin:4px 0 0}
.reopen{display:inline-block;margin-top:8px;font-weight:600}
figure{margin:0}
.graph{background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:4px}
.graph img{display:block;max-width:100%;height:auto;margin:0 auto}
dl.metrics{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0}
.metric{border:1px solid var(--border);border-radius:6px;padding:4px 10px;background:var(--surface)}
.metric dt{font-size:.8rem;color:var(--muted)}
.metric dd{margin:0;font-weight:700;font-variant-numeric:tabular-nums}
.metric--alert{border-color:var(--danger);background:var(--danger-bg)}
.metric--alert dd,.alert{color:var(--danger)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:16px}
.chart-card{border:1px solid var(--border);border-radius:8px;padding:10px;background:var(--surface)}
.chart-card>:first-child{margin-top:0}
svg.chart{display:block;width:100%;height:auto;font-size:11px;fill:var(--muted);overflow:visible}
svg.chart .axis,svg.chart .tick{stroke:var(--muted)}
svg.chart .grid{stroke:var(--border)}
svg.chart text{fill:var(--muted)}
.series-1{stroke:var(--s1);color:var(--s1)}.series-2{stroke:var(--s2);color:var(--s2)}
.series-3{stroke:var(--s3);color:var(--s3)}.series-4{stroke:var(--s4);color:var(--s4)}
.series-5{stroke:var(--s5);color:var(--s5)}.series-6{stroke:var(--s6);color:var(--s6)}
svg.chart .bar{fill:currentColor;stroke:none}
svg.chart .bar--hollow{fill:none;stroke:currentColor;stroke-width:2}
ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 12px;margin:2px 0 4px;padding:0;font-size:.85rem}
ul.legend svg{vertical-align:middle;margin-right:4px}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.9rem;min-width:100%}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid var(--border);padding:4px 8px;text-align:left;vertical-align:top;
overflow-wrap:normal;white-space:nowrap}
td.text{white-space:normal;min-width:16em}
th.num{text-align:right}
thead th{background:var(--surface)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.better{font-weight:700}
.tag{display:inline-block;margin-left:6px;padding:0 6px;border-radius:9px;font-size:.8rem;
background:var(--danger-bg);color:var(--danger);border:1px solid var(--danger)}
code,.value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
footer{margin-top:40px;padding-top:8px;border-top:1px solid var(--border);color:var(--muted);font-size:.85rem}
@media (max-width:600px){main{padding:16px 12px 32px}h1{font-size:1.35rem}body{font-size:14px}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}
.graph,.chart-card,table,figure,.metric{break-inside:avoid}h2,h3{break-after:avoid}
a{color:inherit}.scroll{overflow:visible}}
`;

/** A table in a wrapper that scrolls sideways on a narrow screen (a named, focusable region). */
/** `head`'s columns, a `#` before a name marking a column of figures (aligned right, like its cells). */
function table(label: string, head: readonly string[], rows: readonly string[]): string {
  const th = head
    .map((h) =>
      h.startsWith('#') && h.length > 1
        ? `<th scope="col" class="num">${e(h.slice(1))}</th>`
        : `<th scope="col">${e(h)}</th>`,
    )
    .join('');
  return (
    `<div class="scroll" role="region" aria-label="${e(label)}" tabindex="0"><table>` +
    `<caption>${e(label)}</caption><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

const cell = (text: string, className?: string) =>
  `<td${className === undefined ? '' : ` class="${className}"`}>${e(text)}</td>`;

function pictureHtml(side: ReviewSide): string {
  const p = side.picture;
  if (p === null)
    return `<p class="muted">No picture: ${e(side.pictureProblem ?? 'the graph was not on screen')}.</p>`;
  // The dark picture for a dark screen; paper gets the light one.
  return (
    `<figure class="graph"><picture>` +
    `<source media="screen and (prefers-color-scheme: dark)" srcset="${e(p.dark)}">` +
    `<img src="${e(p.light)}" width="${p.width}" height="${p.height}" alt="${e(p.alt)}"></picture></figure>`
  );
}

function chartHtml(chart: ReviewChart, level: number): string {
  const legend = chart.legend
    .map((item) => {
      const swatch =
        item.bar === 'solid'
          ? `<rect class="series-${item.series}" x="3" y="3" width="12" height="12" fill="currentColor"/>`
          : item.bar === 'hollow'
            ? `<rect class="series-${item.series}" x="4" y="4" width="10" height="10" fill="none" stroke-width="2"/>`
            : `<line class="series-${item.series}" x1="1" x2="17" y1="9" y2="9" stroke-width="2"${item.dash === '' ? '' : ` stroke-dasharray="${item.dash}"`}/>`;
      return `<li><svg width="18" height="18" aria-hidden="true">${swatch}</svg>${e(item.label)}</li>`;
    })
    .join('');
  return (
    `<figure class="chart-card"><h${level}>${e(chart.title)} <span class="muted">(${e(chart.unit)})</span></h${level}>` +
    `<ul class="legend" aria-label="Legend">${legend}</ul>${chart.svg}` +
    `<figcaption class="summary">${e(chart.summary)}</figcaption></figure>`
  );
}

function failoversHtml(side: ReviewSide): string {
  const manager = `<p>${e(side.failoverManager)}</p>`;
  if (side.failovers.length === 0) return `${manager}<p class="muted">No failover in this run.</p>`;
  const rows = [...side.failovers]
    .reverse()
    .map(
      (f) =>
        `<tr><th scope="row">${f.id}</th><td>${e(`${f.oldPrimary} → ${f.newPrimary}`)} <span class="muted">(${e(f.trigger)})</span>` +
        `${f.splitBrain ? '<span class="tag">split brain</span>' : ''}</td>${cell(f.failedAt, 'num')}${cell(f.promotedAt, 'num')}` +
        `${cell(f.rto, 'num')}${cell(f.rpo, f.lostWrites > 0 ? 'num alert' : 'num')}</tr>`,
    );
  const caption =
    side.failoverTotal > side.failovers.length
      ? `Failovers (the newest ${side.failovers.length} of ${side.failoverTotal})`
      : 'Failovers';
  return (
    manager +
    table(
      caption,
      ['#', 'Old → new', '#Failed', '#Promoted', '#Recovery time (RTO)', '#Writes lost (RPO)'],
      rows,
    )
  );
}

function lostHtml(side: ReviewSide): string {
  if (side.lostWrites.length === 0) return '<p class="muted">No acknowledged write was lost.</p>';
  const rows = [...side.lostWrites]
    .reverse()
    .map(
      (w) =>
        `<tr><th scope="row">#${w.id}</th>${cell(w.nodeId)}<td><code>${e(w.key)}</code></td>` +
        `<td><code>${e(w.value)}</code></td>${cell(w.acknowledgedAt, 'num')}${cell(w.why, 'text')}</tr>`,
    );
  const caption =
    side.lostTotal > side.lostWrites.length
      ? `Acknowledged, then lost (the newest ${side.lostWrites.length} of ${side.lostTotal})`
      : 'Acknowledged, then lost';
  return table(caption, ['Write', 'Node', 'Key', 'Value', '#Acknowledged', 'Why'], rows);
}

function conflictsHtml(side: ReviewSide): string {
  if (side.conflicts.length === 0) return '<p class="muted">No write conflict in this run.</p>';
  const rows = [...side.conflicts]
    .reverse()
    .flatMap((c) =>
      c.versions.map(
        (v, i) =>
          `<tr>${i === 0 ? `<th scope="row" rowspan="${c.versions.length}">#${c.id} <code>${e(c.key)}</code><br><span class="muted">${e(c.at)}, ${e(c.strategy)}</span></th>` : ''}` +
          `${cell(v.origin)}<td><code>${e(v.value)}</code></td>${cell(v.at, 'num')}<td><code>${e(v.vector)}</code></td>${cell(v.fate)}` +
          `${i === 0 ? `<td class="text" rowspan="${c.versions.length}">${e(c.outcome)}</td>` : ''}</tr>`,
      ),
    );
  const caption =
    side.conflictTotal > side.conflicts.length
      ? `Conflicts (the newest ${side.conflicts.length} of ${side.conflictTotal})`
      : 'Conflicts';
  return table(
    caption,
    ['Conflict', 'Origin', 'Value', '#Origin time', 'Version vector', 'Fate', 'Outcome'],
    rows,
  );
}

function anomaliesHtml(side: ReviewSide): string {
  if (side.anomalies === null) return '<p class="muted">The consistency checker could not run.</p>';
  if (side.anomalies.length === 0)
    return '<p>The consistency checker found no anomaly in the history of this run.</p>';
  const rows = side.anomalies.map(
    (a) =>
      `<tr>${cell(a.kind)}${cell(a.at, 'num')}${cell(a.nodeIds.join(', '))}${cell(a.explanation, 'text')}</tr>`,
  );
  return table(
    `Anomalies the checker found (${side.anomalies.length})`,
    ['Kind', '#At', 'Nodes', 'What happened'],
    rows,
  );
}

function sideHtml(side: ReviewSide, compared: boolean): string {
  const h = compared ? 3 : 2;
  const section = (id: string, title: string, body: string) =>
    `<section data-section="${id}"><h${h}>${e(title)}</h${h}>${body}</section>`;
  const metrics = side.metrics
    .map(
      (m) =>
        `<div class="metric${m.alert ? ' metric--alert' : ''}"><dt>${e(m.label)}</dt><dd>${e(m.value)}</dd></div>`,
    )
    .join('');
  const body = [
    section(
      'scenario',
      'Scenario',
      `${side.label === null ? `<p><strong>${e(side.name)}</strong></p>` : ''}<p>${e(side.caption)}</p>` +
        `<p class="muted">Settings: ${e(side.settings)}.</p>`,
    ),
    section('graph', 'Graph', pictureHtml(side)),
    section('metrics', 'Metrics', `<dl class="metrics" aria-label="Metrics">${metrics}</dl>`),
    section(
      'charts',
      'Charts',
      `<div class="charts">${side.charts.map((c) => chartHtml(c, h + 1)).join('')}</div>`,
    ),
    section('failovers', 'Failovers', failoversHtml(side)),
    section('lost-writes', 'Lost writes', lostHtml(side)),
    section('conflicts', 'Conflicts', conflictsHtml(side)),
    section('anomalies', 'Anomalies', anomaliesHtml(side)),
  ].join('');
  if (!compared) return body;
  const label = side.label ?? '';
  return `<section class="side" data-side="${e(label)}" aria-label="Side ${e(label)}"><h2>${e(label)}: ${e(side.name)}</h2>${body}</section>`;
}

function comparisonHtml(comparison: ReviewComparison): string {
  const words =
    comparison.words.length === 0
      ? '<p>B runs the same configuration as A.</p>'
      : `<ul>${comparison.words.map((w) => `<li>${e(w)}</li>`).join('')}</ul>`;
  const rows = comparison.differences.map(
    (d) =>
      `<tr><th scope="row">${e(d.name)}</th>${cell(d.a, d.better === 'A' ? 'num better' : 'num')}` +
      `${cell(d.b, d.better === 'B' ? 'num better' : 'num')}${cell(d.better)}</tr>`,
  );
  return (
    `<section data-section="comparison"><h2>Comparison</h2><h3>How B differs from A</h3>${words}` +
    `${table('Differences', ['Figure', '#A', '#B', 'Better'], rows)}</section>`
  );
}

/** The review file's whole text. */
export function reviewHtml(review: Review): string {
  const compared = review.sides.length > 1;
  const reopen = compared
    ? 'Reopen this comparison in Replication Lab'
    : 'Reopen this run in Replication Lab';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${e(review.title)}</title><style>${CSS}</style></head><body><main>`,
    `<header><h1>${e(review.title)}</h1>`,
    `<p class="meta">Replication Lab review, at ${e(review.shownAt)} of simulated time. The figures below are the lab's at that instant.</p>`,
    `<p data-section="link"><a class="reopen" href="${e(review.link)}">${reopen}</a> <span class="muted">(the same scenario, seed and actions, so the same events)</span></p></header>`,
    compared && review.comparison !== null ? comparisonHtml(review.comparison) : '',
    ...review.sides.map((side) => sideHtml(side, compared)),
    `<footer><p>Exported from Replication Lab. This file is self-contained: it works offline and makes no requests.</p></footer>`,
    '</main></body></html>',
  ].join('\n');
}

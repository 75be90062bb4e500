/** The review file: self-contained (no request of any kind), every section present, run text escaped. */
import { describe, expect, it } from 'vitest';
import type { Series } from '../../store/index.ts';
import { VOCABULARIES } from '../../view/vocabulary.ts';
import { escapeHtml } from './escape.ts';
import { reviewCharts } from './reviewCharts.ts';
import { reviewHtml, type Review, type ReviewSide } from './reviewHtml.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const LINK = 'https://lab.example/?theme=dark#s=v1z:N4IgbiBcCMA0&b=v1z:abc';
const words = VOCABULARIES['master-slave'];

const series: Series = {
  time: 12_000,
  bucketMs: 250,
  lag: [
    {
      nodeId: HOSTILE,
      points: [
        { t: 11_000, ms: 12, entries: 1 },
        { t: 12_000, ms: 40, entries: 2 },
      ],
    },
  ],
  latency: [
    { t: 11_000, p50: 1, p99: 3, count: 4 },
    { t: 12_000, p50: 2, p99: 5, count: 6 },
  ],
  counters: [{ t: 12_000, conflicts: 1, lostWrites: 2, staleReads: 0, blockedWrites: 0 }],
  throughput: [{ nodeId: 'db1', readsPerSec: 3, writesPerSec: 5 }],
};

function side(label: string | null): ReviewSide {
  return {
    label,
    name: HOSTILE,
    caption: `A master replicates every write to two slaves. ${HOSTILE}`,
    settings: 'replication mode async, latency 40 ms',
    picture: {
      light: 'data:image/svg+xml;base64,PHN2Zy8+',
      dark: 'data:image/svg+xml;base64,PHN2Zy8+',
      width: 640,
      height: 400,
      alt: `The graph of ${HOSTILE}`,
    },
    metrics: [
      { label: 'Lost writes', value: '2', alert: true },
      { label: 'Write p99', value: '5 ms', alert: false },
    ],
    charts: reviewCharts(series, words),
    failoverManager: 'Failover is manual.',
    failovers: [
      {
        id: 1,
        oldPrimary: 'db1',
        newPrimary: HOSTILE,
        trigger: 'manual',
        splitBrain: false,
        failedAt: '3.00 s',
        promotedAt: '5.00 s',
        rto: '2.10 s',
        rpo: '2 writes over 0.40 s',
        lostWrites: 2,
      },
    ],
    failoverTotal: 1,
    lostWrites: [
      { id: 7, nodeId: 'db1', key: HOSTILE, value: '"quoted" & <b>', acknowledgedAt: '2.90 s', why: 'lost' },
    ],
    lostTotal: 2,
    conflicts: [
      {
        id: 1,
        key: HOSTILE,
        at: '4.00 s',
        strategy: 'last writer wins',
        outcome: 'kept',
        versions: [
          { origin: 'db1', value: HOSTILE, at: '3.90 s', vector: 'db1:2', fate: 'overwritten' },
          { origin: 'db2', value: 'b', at: '3.95 s', vector: 'db2:1', fate: 'kept' },
        ],
      },
    ],
    conflictTotal: 1,
    anomalies: [{ kind: 'lost-write', at: '5.00 s', nodeIds: [HOSTILE], explanation: 'write #7 was lost' }],
  };
}

const review = (sides: readonly ReviewSide[]): Review => ({
  title: `Replication Lab: ${HOSTILE}`,
  shownAt: '12.00 s',
  link: LINK,
  sides,
  comparison:
    sides.length > 1
      ? {
          words: [`Replication: async on A, sync on B. ${HOSTILE}`],
          differences: [{ name: 'Lost writes', a: '2 writes', b: '0 writes', better: 'B' }],
        }
      : null,
});

describe('the review file', () => {
  const html = reviewHtml(review([side(null)]));

  it('escapes every text from the run: markup in a name, key, value or node id shows as text', () => {
    expect(html).not.toContain('<img src=x');
    // The only elements with attributes from the run are those this file makes: no markup got through.
    const imgs = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    expect(imgs).toHaveLength(1);
    expect(imgs[0]).toMatch(/^<img src="data:image\/svg\+xml;base64,/);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;');
    expect(escapeHtml(`a"b'c<d>&`)).toBe('a&quot;b&#39;c&lt;d&gt;&amp;');
  });

  it('has every section, and the link that reopens the run', () => {
    for (const section of [
      'scenario',
      'graph',
      'metrics',
      'charts',
      'failovers',
      'lost-writes',
      'conflicts',
      'anomalies',
      'link',
    ])
      expect(html, section).toContain(`data-section="${section}"`);
    expect(html).toContain(`<a class="reopen" href="${escapeHtml(LINK)}">`);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(4);
    expect(html).toContain('2.10 s');
    expect(html).toContain('2 writes over 0.40 s');
  });

  it('makes no request: no script, stylesheet link, external URL or import', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<iframe|<object|<embed/i);
    // Every address in an attribute is the share link or a data: URL.
    const addresses = [...html.matchAll(/\s(?:href|src|srcset)="([^"]*)"/g)].map((m) => m[1]);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses)
      expect(address === escapeHtml(LINK) || address?.startsWith('data:image/svg+xml;base64,')).toBe(true);
    // No http(s) address anywhere but the share link.
    expect(html.replaceAll(escapeHtml(LINK), '')).not.toMatch(/https?:\/\//);
  });

  it('follows the reader’s colour scheme and prints on white', () => {
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('@media screen and (prefers-color-scheme:dark)');
    expect(html).toContain('@media print');
    expect(html).toContain('name="viewport"');
  });

  it('covers both sides of a comparison and its differences', () => {
    const compared = reviewHtml(review([side('A'), side('B')]));
    expect(compared).toContain('data-section="comparison"');
    expect(compared).toContain('data-side="A"');
    expect(compared).toContain('data-side="B"');
    expect(compared.match(/data-section="failovers"/g)).toHaveLength(2);
    expect(compared).toContain('Reopen this comparison');
    expect(compared).not.toContain('<img src=x');
  });

  it('draws the Charts panel’s lines, with node ids escaped in the chart text', () => {
    const charts = reviewCharts(series, words);
    expect(charts.map((c) => c.unit)).toEqual(['ms', 'ms', 'ops/s', 'count']);
    const [lag] = charts;
    expect(lag?.svg).toMatch(/<path class="series-1" d="M[\d.,LMHV-]+"/);
    expect(lag?.summary).toContain(HOSTILE); // words, escaped where they are put in the page
    expect(lag?.svg).not.toContain('<img');
  });
});

import type { FunnelReport, ReportedCount } from '../analytics/funnel.ts';
import { html, type SafeHtml } from './html.ts';

const WIDTH = 360;
const BAR_WIDTH = 290;
const ROW_HEIGHT = 46;
const BAR_HEIGHT = 16;

/** Longest label drawn; SVG text does not wrap, and the table beside has the full title. */
const MAX_LABEL = 46;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Shortens a label to {@link MAX_LABEL} characters as a reader counts them (an emoji is one). */
function fit(label: string): string {
  const characters = Array.from(graphemes.segment(label), ({ segment }) => segment);
  if (characters.length <= MAX_LABEL) return label;
  return `${characters.slice(0, MAX_LABEL - 1).join('')}…`;
}

/** Share of `whole` that `part` is, for drawing; 0 when either is suppressed. */
function share(part: ReportedCount, whole: ReportedCount): number {
  if (typeof part !== 'number' || typeof whole !== 'number' || whole === 0) return 0;
  return Math.min(1, part / whole);
}

/** A chart row: a label, a track, a bar for those who reached it and one for those who went on. */
function row(
  index: number,
  label: string,
  reached: ReportedCount,
  went: ReportedCount | undefined,
  started: ReportedCount,
): SafeHtml {
  const y = index * ROW_HEIGHT;
  const reachedWidth = Math.round(share(reached, started) * BAR_WIDTH);
  const wentWidth = went === undefined ? 0 : Math.round(share(went, started) * BAR_WIDTH);
  return html`<g transform="translate(0 ${y})">
    <text class="chart-label" x="0" y="14" font-size="13">${fit(label)}</text>
    <rect
      class="chart-track"
      x="0"
      y="22"
      width="${BAR_WIDTH}"
      height="${BAR_HEIGHT}"
      rx="2"
      fill="#e8e8ee"
    />
    <rect
      class="chart-reached"
      x="0"
      y="22"
      width="${reachedWidth}"
      height="${BAR_HEIGHT}"
      rx="2"
      fill="#9cb8e0"
    />
    ${went === undefined ? '' : html`<rect class="chart-went" x="0" y="22" width="${wentWidth}" height="${BAR_HEIGHT}" rx="2" fill="#1d4f91" />`}
    <text class="chart-count" x="${BAR_WIDTH + 6}" y="35" font-size="13">${String(reached)}</text>
  </g>`;
}

/**
 * The funnel of one form as a self-contained SVG: per step, a light bar for the flows that
 * reached it and a dark bar for those that completed it, both scaled to the flows that started.
 * Suppressed counts ("<5") draw no bar. No script, no external asset; the table beside it
 * carries the same numbers for screen readers.
 */
export function funnelChart(report: FunnelReport, titleId: string): SafeHtml {
  const rows = report.steps.map((step, index) =>
    row(
      index,
      `${index + 1}. ${step.title}${step.conditional ? ' (shown to some)' : ''}`,
      step.viewed,
      step.completed,
      report.started,
    ),
  );
  rows.push(
    row(report.steps.length, 'Sent or saved to send', report.finished, undefined, report.started),
  );
  const height = (report.steps.length + 1) * ROW_HEIGHT;
  return html`<svg
    class="funnel-chart"
    viewBox="0 0 ${WIDTH} ${height}"
    width="${WIDTH}"
    height="${height}"
    role="img"
    aria-labelledby="${titleId}"
    xmlns="http://www.w3.org/2000/svg"
    font-family="system-ui, sans-serif"
  >
    <title id="${titleId}">
      Funnel of ${report.formId}: flows that reached each step (light) and completed it (dark), out
      of ${String(report.started)} that started
    </title>
    ${rows}
  </svg>`;
}

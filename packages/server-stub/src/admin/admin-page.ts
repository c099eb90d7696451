import type { DurationRange } from '../analytics/duration-buckets.ts';
import { MIN_REPORTED_COUNT, type FunnelReport, type ReportedCount } from '../analytics/funnel.ts';
import type { DropReason } from '../storage/analytics-storage.ts';
import { funnelChart } from './funnel-chart.ts';
import { html, type SafeHtml } from './html.ts';

/** One form's section of the admin page. */
export interface AdminFormSection {
  report: FunnelReport;
  organisation: string;
}

/** What the funnels page shows. */
export interface FunnelPageContent {
  sections: AdminFormSection[];
  from: string;
  to: string;
  /** Signed, short-lived permission carried by the date-range form instead of the token. */
  ticket: string;
  dropped: Partial<Record<DropReason, number>>;
  /** Why the requested date range was not used, if it was not. */
  error?: string;
  /** Form files the server left out at start, each message naming the file and the JSON path. */
  notLoaded?: readonly { file: string; message: string }[];
}

function notLoadedSection(files: readonly { file: string; message: string }[]): SafeHtml {
  return html`<section class="not-loaded" aria-labelledby="not-loaded-title">
    <h2 id="not-loaded-title" class="error">
      ${files.length === 1 ? 'A form file was' : `${files.length} form files were`} not loaded
    </h2>
    <p>
      Applicants get “form not found” for these forms; the other forms work. Fix the file and
      restart the server.
    </p>
    <ul class="errors">
      ${files.map((problem) => html`<li><pre>${problem.message}</pre></li>`)}
    </ul>
  </section>`;
}

const REASON_LABELS: Record<string, string> = {
  network: 'no connection',
  server: 'server error',
  validation: 'rejected as invalid',
  rate_limited: 'too many attempts',
  other: 'other',
};

// The empty icon spares the browser a request for /favicon.ico that would only be answered 404.
function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <link rel="icon" href="data:," />
        <title>${title}</title>
        <link rel="stylesheet" href="/admin/admin.css" />
      </head>
      <body>
        ${body}
      </body>
    </html> `.toString();
}

function percent(rate: number | null): SafeHtml {
  if (rate === null)
    return html`<span title="hidden: based on fewer than ${MIN_REPORTED_COUNT}">–</span>`;
  return html`${(rate * 100).toFixed(1)}&nbsp;%`;
}

function seconds(value: number): string {
  if (value < 120) return `${value} s`;
  if (value < 7200) return `${value / 60} min`;
  return `${value / 3600} h`;
}

function median(range: DurationRange | null): string {
  if (range === null) return '–';
  if (range.toSeconds === null) return `over ${seconds(range.fromSeconds)}`;
  return `${seconds(range.fromSeconds)} – ${seconds(range.toSeconds)}`;
}

function count(value: ReportedCount): string {
  return String(value);
}

/**
 * A table that may be wider than a phone: its box scrolls sideways, shows a shadow on each side
 * that has more (see the stylesheet), and is a named, focusable region so that a keyboard can
 * scroll it too.
 */
function wideTable(captionId: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0">
    ${table}
  </div>`;
}

function stepsTable(report: FunnelReport): SafeHtml {
  const rows = report.steps.map(
    (step, index) =>
      html`<tr>
        <th scope="row">
          ${index + 1}. ${step.title}${step.conditional ? ' (shown to some)' : ''}
        </th>
        <td>${count(step.viewed)}</td>
        <td>${count(step.completed)}</td>
        <td>${percent(step.conversionFromStart)}</td>
        <td>${percent(step.stepConversion)}</td>
        <td>${count(step.dropOff)}</td>
        <td>${median(step.medianTime)}</td>
      </tr>`,
  );
  const captionId = `form-${report.formId}-steps`;
  return wideTable(
    captionId,
    html`<table>
      <caption id="${captionId}">
        Steps, in the order of the form
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Reached</th>
          <th scope="col">Completed</th>
          <th scope="col">Of starters</th>
          <th scope="col">Went on</th>
          <th scope="col">Dropped off</th>
          <th scope="col">Median time</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`,
  );
}

function errorsList(report: FunnelReport): SafeHtml {
  const items = report.steps.flatMap((step) =>
    step.topErrors.map(
      (field) =>
        html`<li>
          <strong>${field.label}</strong> (${step.title}):
          ${field.codes.map(
            (code, index) =>
              html`${index > 0 ? ', ' : ''}${code.code.replaceAll('_', ' ')} ${count(code.flows)}`,
          )}
        </li>`,
    ),
  );
  // Raw events are counted once their flow has been quiet for an hour, so say so rather than
  // claiming there were no errors while applicants are still on the form.
  if (items.length === 0) {
    return html`<p class="muted">
      No validation errors counted in this period. A visit is counted once it has been idle for an
      hour.
    </p>`;
  }
  return html`<ul class="errors">
    ${items}
  </ul>`;
}

function outcomes(report: FunnelReport): SafeHtml {
  const { outcomes: o } = report;
  const reasons = Object.entries(o.failureReasons).map(
    ([reason, value]) =>
      html`<tr>
        <td>Not sent: ${REASON_LABELS[reason] ?? reason}</td>
        <td>${count(value)}</td>
      </tr>`,
  );
  return html`<div class="table-wrap">
    <table>
      <caption>
        Outcomes (flows)
      </caption>
      <tbody>
        <tr>
          <td>Sent</td>
          <td>${count(o.submitted)}</td>
        </tr>
        <tr>
          <td>Saved on the device, to send when back online</td>
          <td>${count(o.queuedOffline)}</td>
        </tr>
        <tr>
          <td>A send failed at least once</td>
          <td>${count(o.submitFailed)}</td>
        </tr>
        ${reasons}
        <tr>
          <td>Told they cannot join online (age)</td>
          <td>${count(o.ineligible)}</td>
        </tr>
        <tr>
          <td>Continued a saved application</td>
          <td>${count(o.draftResumed)}</td>
        </tr>
      </tbody>
    </table>
  </div>`;
}

function segments(report: FunnelReport): SafeHtml {
  const rows = [
    ...report.segments.device.map((s) => ({ ...s, kind: 'Device' })),
    ...report.segments.locale.map((s) => ({ ...s, kind: 'Language' })),
  ].map(
    (s) =>
      html`<tr>
        <td>${s.kind}: ${s.value}</td>
        <td>${count(s.started)}</td>
        <td>${count(s.finished)}</td>
        <td>${percent(s.conversion)}</td>
      </tr>`,
  );
  if (rows.length === 0) return html``;
  const captionId = `form-${report.formId}-segments`;
  return wideTable(
    captionId,
    html`<table>
      <caption id="${captionId}">
        By device and language
      </caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Started</th>
          <th scope="col">Finished</th>
          <th scope="col">Finished %</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`,
  );
}

function section({ report, organisation }: AdminFormSection): SafeHtml {
  const id = `form-${report.formId}`;
  return html`<section id="${id}" aria-labelledby="${id}-heading">
    <h2 id="${id}-heading">
      ${organisation} <span class="muted">${report.formId}, version ${report.formVersion}</span>
    </h2>
    <dl class="summary">
      <div>
        <dt>Started</dt>
        <dd>${count(report.started)}</dd>
      </div>
      <div>
        <dt>Sent or saved to send</dt>
        <dd>${count(report.finished)}</dd>
      </div>
      <div>
        <dt>Finished</dt>
        <dd>${percent(report.conversion)}</dd>
      </div>
    </dl>
    ${funnelChart(report, `${id}-chart`)} ${stepsTable(report)}
    <h3>Top validation errors</h3>
    ${errorsList(report)} ${outcomes(report)} ${segments(report)}
  </section>`;
}

/** The sign-in page: one password field for the admin token, posted back to `/admin`. */
export function renderSignInPage(error?: string): string {
  return page(
    'Sign in – join form funnels',
    html`<main>
      <h1>Join form funnels</h1>
      <p>
        Enter an admin token to see where applicants drop off. Nothing is stored in this browser.
      </p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/admin" autocomplete="off">
        <label
          >Admin token
          <input type="password" name="token" required autocomplete="off" spellcheck="false"
        /></label>
        <button type="submit">Show funnels</button>
      </form>
    </main>`,
  );
}

/** The funnels page: a date range form, then per form a chart, a table, errors and outcomes. */
export function renderFunnelPage(content: FunnelPageContent): string {
  const dropped = Object.values(content.dropped).reduce((sum, value) => sum + (value ?? 0), 0);
  return page(
    'Join form funnels',
    html`<header>
        <h1>Where applicants drop off</h1>
        <p class="muted">
          Anonymous counts for ${content.from} to ${content.to} (UTC days). A count under
          ${MIN_REPORTED_COUNT} is shown as “&lt;${MIN_REPORTED_COUNT}” and no percentage is given
          for it. Each visit to the form is one flow; someone who comes back later is a new flow.
        </p>
        ${content.error ? html`<p class="error" role="alert">${content.error} Showing the last 30 days.</p>` : ''}
        <form method="post" action="/admin">
          <input type="hidden" name="ticket" value="${content.ticket}" />
          <label>From <input type="date" name="from" value="${content.from}" required /></label>
          <label>To <input type="date" name="to" value="${content.to}" required /></label>
          <button type="submit">Show</button>
        </form>
        ${
          content.sections.length > 1
            ? html`<nav aria-label="Forms">
                <ul>
                  ${content.sections.map(
                    (s) =>
                      html`<li>
                        <a href="#form-${s.report.formId}"
                          >${s.organisation} (${s.report.formId})</a
                        >
                      </li>`,
                  )}
                </ul>
              </nav>`
            : ''
        }
      </header>
      <main>
        ${content.notLoaded?.length ? notLoadedSection(content.notLoaded) : ''}
        ${content.sections.length === 0 ? html`<p>No forms are served.</p>` : content.sections.map(section)}
      </main>
      <footer class="muted">
        <p>
          ${dropped > 0 ? `${dropped} events in this period named a form, step or field this server does not serve, or repeated an earlier event, and were not counted.` : ''}
          Nothing is stored in this browser: close the tab to sign out.
        </p>
      </footer>`,
  );
}

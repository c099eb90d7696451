/**
 * The admin page's stylesheet, served from `/admin/admin.css` so the page needs no inline style
 * under its strict Content-Security-Policy. Readable from 320 px wide, light and dark.
 */
export const ADMIN_STYLESHEET = `
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fff; --muted: #5a5a66; --line: #d8d8e0;
  --accent: #1d4f91; --soft: #9cb8e0; --track: #e8e8ee; --warn: #8a1c1c;
  --edge: rgb(0 0 0 / 28%); }
@media (prefers-color-scheme: dark) {
  :root { --fg: #ececf1; --bg: #15151a; --muted: #a9a9b6; --line: #3a3a46;
    --accent: #8fb4ea; --soft: #3f5f8f; --track: #2a2a33; --warn: #ff9c9c;
    --edge: rgb(255 255 255 / 30%); }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 56rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .25rem; border-top: 1px solid var(--line); padding-top: 1rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
p, li { max-width: 40rem; }
.muted { color: var(--muted); }
h2 .muted { display: block; font-size: 1rem; font-weight: 400; }
.error { color: var(--warn); font-weight: 600; }
form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: .5rem 0; }
label { display: flex; flex-direction: column; font-weight: 600; }
input { font: inherit; min-height: 44px; padding: .25rem .5rem; border: 1px solid var(--muted);
  border-radius: 4px; background: var(--bg); color: var(--fg); }
input[type="password"] { min-width: min(100%, 22rem); }
button { font: inherit; font-weight: 600; min-height: 44px; padding: .25rem 1.25rem; border: 0;
  border-radius: 4px; background: var(--accent); color: var(--bg); cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
a { color: var(--accent); }
dl.summary { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: .5rem 0; }
dl.summary div { display: flex; flex-direction: column; }
dl.summary dt { color: var(--muted); font-size: .875rem; }
dl.summary dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
.funnel-chart { display: block; width: 100%; max-width: 36rem; height: auto; margin: 1rem 0; }
.chart-label, .chart-count { fill: var(--fg); }
.chart-track { fill: var(--track); }
.chart-reached { fill: var(--soft); }
.chart-went { fill: var(--accent); }
/* A table wider than the screen scrolls in its box, with a shadow on each side that has more to
   see. No script: the two 'local' covers move with the table and hide a shadow once its edge is
   reached; the two 'scroll' shadows stay at the box's edges. Cells have no background of their
   own, so the shadows show through. */
.table-wrap { overflow-x: auto; background-color: var(--bg);
  background-image: linear-gradient(to right, var(--bg) 50%, transparent),
    linear-gradient(to left, var(--bg) 50%, transparent),
    linear-gradient(to right, var(--edge), transparent),
    linear-gradient(to left, var(--edge), transparent);
  background-position: left center, right center, left center, right center;
  background-size: 2rem 100%, 2rem 100%, .875rem 100%, .875rem 100%;
  background-repeat: no-repeat;
  background-attachment: local, local, scroll, scroll; }
table { border-collapse: collapse; min-width: 100%; font-size: .9375rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { padding: .375rem .5rem; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; white-space: normal; min-width: 9rem; }
ul.errors { padding-left: 1.25rem; }
.not-loaded pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0; }
`;

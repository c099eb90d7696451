import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFormDefinition } from '@union-join/sdk';
import { funnelChart } from '../src/admin/funnel-chart.ts';
import { buildFunnel } from '../src/analytics/funnel.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { EXAMPLE_FORM_DEFINITION } from './support/analytics-forms.ts';

/** The chart's step labels for a form whose first step has `title`, with no data yet. */
async function labels(t: { after: (fn: () => unknown) => void }, title: string): Promise<string[]> {
  const definition = structuredClone(EXAMPLE_FORM_DEFINITION) as { steps: { title: unknown }[] };
  definition.steps[0]!.title = title;
  const parsed = parseFormDefinition(definition);
  const storage = new SqliteStorage({ path: ':memory:' });
  t.after(() => storage.close());
  const range = { from: '2025-03-01', to: '2025-03-01' };
  const totals = await storage.analytics.funnelTotals(parsed.id, range.from, range.to);
  const svg = funnelChart(buildFunnel(parsed, totals, range), 'chart').toString();
  return [...svg.matchAll(/<text class="chart-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

test('a long step title is shortened between characters, never inside one', async (t) => {
  // "1. " and 41 letters put the cut in the middle of the emoji, the flag or the family.
  for (const glyph of ['😀', '🇳🇴', '👩‍👩‍👧']) {
    const [label = ''] = await labels(t, `${'a'.repeat(41)}${glyph} and more words after it`);
    assert.ok(
      label === `1. ${'a'.repeat(41)}…` || label === `1. ${'a'.repeat(41)}${glyph}…`,
      JSON.stringify(label),
    );
  }
});

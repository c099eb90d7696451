import type { FormDefinition } from '@union-join/sdk';

/** An application as listed by the admin API: metadata plus what was submitted. */
export interface ApplicationView {
  id: string;
  formId: string;
  formVersion: number;
  receivedAt: string;
  retrievedAt: string | null;
  deliveredAt: string | null;
  /** The submitted application, or null when the row could not be decrypted. */
  application: {
    locale?: string;
    answers?: Record<string, unknown>;
    consents?: { purpose: string; granted: boolean; textHash?: string; at?: string }[];
  } | null;
}

const META = ['id', 'receivedAt', 'formVersion', 'locale', 'retrievedAt', 'deliveredAt'];

function flatten(prefix: string, value: unknown, into: Map<string, string>): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) into.set(prefix, value.map(String).join('; '));
  else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(`${prefix}.${key}`, item, into);
  } else into.set(prefix, String(value));
}

/**
 * Flattens applications into a table for CSV: metadata, one column per answer in the form's field
 * order (`address.town` for nested values, `; ` between multi-choice values), then per consent
 * purpose its grant (`consent:<purpose>`) and time (`consent:<purpose>:at`).
 */
export function applicationTable(
  views: readonly ApplicationView[],
  definition: FormDefinition | undefined,
): { header: string[]; rows: string[][] } {
  const cells = views.map((view) => {
    const map = new Map<string, string>();
    for (const [key, value] of Object.entries(view.application?.answers ?? {}))
      flatten(key, value, map);
    for (const consent of view.application?.consents ?? []) {
      map.set(`consent:${consent.purpose}`, String(consent.granted));
      if (consent.at !== undefined) map.set(`consent:${consent.purpose}:at`, consent.at);
    }
    return map;
  });
  const fieldOrder = (definition?.steps ?? []).flatMap((step) =>
    step.fields.map((field) => field.id),
  );
  const rank = (column: string) => {
    const index = fieldOrder.indexOf(column.split('.')[0] ?? column);
    return index < 0 ? fieldOrder.length : index;
  };
  const seen = new Set<string>();
  for (const map of cells) for (const column of map.keys()) seen.add(column);
  const answerColumns = [...seen].filter((column) => !column.startsWith('consent:'));
  const consentColumns = [...seen].filter((column) => column.startsWith('consent:')).sort();
  answerColumns.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const columns = [...answerColumns, ...consentColumns];
  const rows = views.map((view, index) => [
    view.id,
    view.receivedAt,
    String(view.formVersion),
    view.application?.locale ?? '',
    view.retrievedAt ?? '',
    view.deliveredAt ?? '',
    ...columns.map((column) => cells[index]?.get(column) ?? ''),
  ]);
  return { header: [...META, ...columns], rows };
}

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

/** The parts of an address and of a UK bank account, in the order they are written. */
const PARTS = {
  address: ['line1', 'line2', 'town', 'postcode', 'country'],
  'uk-bank-account': ['accountHolder', 'sortCode', 'accountNumber'],
} as const;
const PART_ORDER: readonly string[] = [...PARTS.address, ...PARTS['uk-bank-account']];

function flatten(prefix: string, value: unknown, into: Map<string, string>): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) into.set(prefix, value.map(String).join('; '));
  else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(`${prefix}.${key}`, item, into);
  } else into.set(prefix, String(value));
}

/** Every column the definition has, in form order: answers (parts split), then consents. */
function definitionColumns(definition: FormDefinition): string[] {
  const fields = definition.steps.flatMap((step) => step.fields);
  const answers = fields.flatMap((field) => {
    if (field.type === 'consent') return [];
    if (field.type === 'address' || field.type === 'uk-bank-account') {
      return PARTS[field.type].map((part) => `${field.id}.${part}`);
    }
    return [field.id];
  });
  const consents = fields.flatMap((field) =>
    field.type === 'consent' ? [`consent:${field.purpose}`, `consent:${field.purpose}:at`] : [],
  );
  return [...answers, ...consents];
}

function partRank(part: string): number {
  const index = PART_ORDER.indexOf(part);
  return index < 0 ? PART_ORDER.length : index;
}

/**
 * Orders columns the definition does not name (answers of an older version, or every column when
 * the form is not loaded): answers by field id with parts in their written order, then consents
 * by purpose, each grant before its time.
 */
function compareExtraColumns(a: string, b: string): number {
  const aConsent = a.startsWith('consent:');
  const bConsent = b.startsWith('consent:');
  if (aConsent !== bConsent) return aConsent ? 1 : -1;
  if (aConsent) {
    const [, aPurpose = '', aAt = ''] = a.split(':');
    const [, bPurpose = '', bAt = ''] = b.split(':');
    return aPurpose.localeCompare(bPurpose) || aAt.localeCompare(bAt);
  }
  const [aField = '', ...aRest] = a.split('.');
  const [bField = '', ...bRest] = b.split('.');
  const aPart = aRest.join('.');
  const bPart = bRest.join('.');
  return (
    aField.localeCompare(bField) || partRank(aPart) - partRank(bPart) || aPart.localeCompare(bPart)
  );
}

/**
 * Flattens applications into a table for CSV. With the form's definition, the header is fixed
 * whichever rows are exported: metadata, every answer column in form order (`homeAddress.town`
 * for parts, `; ` between multi-choice values), then per consent purpose in form order its grant
 * (`consent:<purpose>`) and time (`consent:<purpose>:at`); columns only older versions had follow.
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
  const fixed = definition === undefined ? [] : definitionColumns(definition);
  const known = new Set(fixed);
  const extra = new Set<string>();
  for (const map of cells) {
    for (const column of map.keys()) if (!known.has(column)) extra.add(column);
  }
  const columns = [...fixed, ...[...extra].sort(compareExtraColumns)];
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

import { resolveText } from '../definition/locale.ts';
import type { FormDefinition } from '../definition/form-definition.ts';
import { hashConsentText } from '../engine/hash-consent-text.ts';
import { allFields } from '../engine/visible-fields.ts';
import type { Application } from './application.ts';
import type { ApplicationIssue } from './application-issue.ts';

// The fingerprints of each consent's wordings, by purpose, worked out once per definition.
const wordings = new WeakMap<FormDefinition, Promise<Map<string, Set<string>>>>();

function hashesOf(definition: FormDefinition): Promise<Map<string, Set<string>>> {
  let hashes = wordings.get(definition);
  if (!hashes) {
    hashes = (async () => {
      const byPurpose = new Map<string, Set<string>>();
      for (const field of allFields(definition)) {
        if (field.type !== 'consent') continue;
        const texts = new Set(
          definition.locales.map((locale) => resolveText(field.label, locale, definition.locales)),
        );
        byPurpose.set(field.purpose, new Set(await Promise.all([...texts].map(hashConsentText))));
      }
      return byPurpose;
    })();
    wordings.set(definition, hashes);
  }
  return hashes;
}

/**
 * The consent records of a valid application whose `textHash` matches no wording of that consent
 * in `definition` (its label in any of the form's languages), so a record cannot claim agreement
 * to a text the form never showed. An application made with another version of the form is not
 * checked: its wordings are not known. Run it after `validateApplication` accepted the
 * application; the issues have the code `unknown_consent_text`.
 * @example
 * const issues = await checkConsentTexts(definition, result.application);
 * if (issues.length > 0) answer422(issues);
 */
export async function checkConsentTexts(
  definition: FormDefinition,
  application: Application,
): Promise<ApplicationIssue[]> {
  if (application.formVersion !== definition.version) return [];
  const hashes = await hashesOf(definition);
  const issues: ApplicationIssue[] = [];
  application.consents.forEach((record, i) => {
    if (hashes.get(record.purpose)?.has(record.textHash) === false) {
      issues.push({
        path: ['consents', i, 'textHash'],
        code: 'unknown_consent_text',
        message: `The textHash matches no wording of the consent "${record.purpose}" in this form`,
      });
    }
  });
  return issues;
}

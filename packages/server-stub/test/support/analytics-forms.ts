import { readFileSync } from 'node:fs';

/** The example definition from the design (the same file the other server tests use). */
export const EXAMPLE_FORM_DEFINITION = JSON.parse(
  readFileSync(new URL('../forms/example-union.json', import.meta.url), 'utf8'),
) as unknown;

/** A form whose middle steps are shown to some applicants only (every field has `showIf`). */
export const BRANCHING_DEFINITION = {
  id: 'branching-union',
  version: 2,
  organisation: { name: 'Branching Union', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['en'],
  review: true,
  steps: [
    {
      id: 'start',
      title: 'Start',
      fields: [
        {
          id: 'membershipType',
          type: 'choice',
          label: 'Membership',
          required: true,
          options: [
            { value: 'full', label: 'Full' },
            { value: 'student', label: 'Student' },
          ],
        },
        { id: 'email', type: 'email', label: 'Email', required: true },
      ],
    },
    {
      id: 'studies',
      title: 'Your studies',
      fields: [
        {
          id: 'college',
          type: 'text',
          label: 'College',
          required: true,
          showIf: { field: 'membershipType', equals: 'student' },
        },
      ],
    },
    {
      id: 'job',
      title: 'Your job',
      fields: [
        {
          id: 'employer',
          type: 'text',
          label: 'Employer',
          required: true,
          showIf: { field: 'membershipType', equals: 'full' },
        },
      ],
    },
    {
      id: 'finish',
      title: 'Keeping in touch',
      fields: [{ id: 'newsletter', type: 'consent', purpose: 'newsletter', label: 'Newsletter' }],
    },
  ],
};

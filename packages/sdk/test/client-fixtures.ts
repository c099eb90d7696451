// Shared inputs of the client and OpenAPI tests: the design's example form and an application to it.
import type { Application } from '@union-join/sdk';

/** The example definition from the design, as a webmaster would write it. */
export const exampleDefinitionJson = {
  id: 'example-union',
  version: 3,
  organisation: { name: 'Example Union', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['en', 'nb'],
  eligibility: { minimumAge: 16, birthDateField: 'birthDate' },
  drafts: { ttlDays: 14 },
  review: true,
  steps: [
    {
      id: 'about-you',
      title: { en: 'About you', nb: 'Om deg' },
      fields: [
        {
          id: 'givenName',
          type: 'text',
          label: { en: 'First name', nb: 'Fornavn' },
          autocomplete: 'given-name',
          required: true,
          maxLength: 100,
        },
        {
          id: 'birthDate',
          type: 'date',
          label: { en: 'Date of birth', nb: 'Fødselsdato' },
          required: true,
        },
        { id: 'email', type: 'email', label: 'Email', required: true },
      ],
    },
    {
      id: 'work',
      title: 'Your work',
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
        {
          id: 'employer',
          type: 'text',
          label: 'Employer',
          showIf: { field: 'membershipType', equals: 'full' },
        },
      ],
    },
    {
      id: 'consent',
      title: 'Keeping in touch',
      fields: [
        {
          id: 'newsletter',
          type: 'consent',
          purpose: 'newsletter',
          label: "Send me the members' newsletter",
        },
      ],
    },
  ],
};

/** A complete application to {@link exampleDefinitionJson}. */
export const exampleApplication: Application = {
  formId: 'example-union',
  formVersion: 3,
  locale: 'en',
  answers: {
    givenName: 'Ada',
    birthDate: '1990-04-01',
    email: 'ada@example.org',
    membershipType: 'full',
    employer: 'Acme',
  },
  consents: [
    {
      purpose: 'newsletter',
      granted: true,
      textHash: 'sha256:2b7d3f0c9a41e5b6c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5',
      at: '2025-06-01T10:15:00.000Z',
    },
  ],
};

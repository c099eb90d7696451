// Form definitions shared by the definition, engine, application, client and OpenAPI tests. Each
// call returns a fresh object, so a test may break it without affecting another.
import type { Application } from '@union-join/sdk';

/** The example of DESIGN.md, "Form definition", exactly as written there. */
export function designExample(): Record<string, unknown> {
  return {
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
}

/** A complete application to {@link designExample}; read only, so tests spread it to vary it. */
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

/** A form with one field of every type, all optional unless the type needs otherwise. */
export function everyFieldType(): Record<string, unknown> {
  return {
    id: 'every-field',
    version: 1,
    organisation: { name: 'Every Field Union', privacyNoticeUrl: 'https://example.org/privacy' },
    locales: ['en', 'sv'],
    steps: [
      {
        id: 'texts',
        title: { en: 'Texts', sv: 'Texter' },
        fields: [
          { id: 'name', type: 'text', label: 'Name', minLength: 2, maxLength: 20 },
          { id: 'story', type: 'textarea', label: 'Story' },
          { id: 'email', type: 'email', label: 'Email' },
          { id: 'phone', type: 'tel', label: 'Phone' },
          { id: 'hours', type: 'number', label: 'Hours', min: 1, max: 60, integer: true },
          {
            id: 'birthDate',
            type: 'date',
            label: { en: 'Date of birth', sv: 'Födelsedatum' },
            autocomplete: 'bday',
          },
          { id: 'startDate', type: 'date', label: 'Start date' },
        ],
      },
      {
        id: 'choices',
        title: 'Choices',
        fields: [
          {
            id: 'sector',
            type: 'choice',
            label: 'Sector',
            options: [
              { value: 'public', label: 'Public' },
              { value: 'private', label: 'Private' },
            ],
          },
          {
            id: 'interests',
            type: 'multi-choice',
            label: 'Interests',
            options: [
              { value: 'pay', label: 'Pay' },
              { value: 'safety', label: 'Safety' },
              { value: 'training', label: 'Training' },
            ],
          },
          { id: 'confirm', type: 'checkbox', label: 'I work in the sector' },
          {
            id: 'terms',
            type: 'consent',
            purpose: 'membership-terms',
            label: { en: 'I accept the rules', sv: 'Jag godkänner stadgarna' },
            required: true,
          },
          { id: 'news', type: 'consent', purpose: 'newsletter', label: 'Send me news' },
        ],
      },
      {
        id: 'places',
        title: 'Places',
        fields: [
          { id: 'postcode', type: 'postal-code', country: 'GB', label: 'Postcode' },
          { id: 'address', type: 'address', label: 'Address', defaultCountry: 'SE' },
          { id: 'personnummer', type: 'national-id', country: 'SE', label: 'Personnummer' },
          { id: 'fodselsnummer', type: 'national-id', country: 'NO', label: 'Fødselsnummer' },
          { id: 'nino', type: 'national-id', country: 'GB', label: 'National Insurance number' },
          { id: 'iban', type: 'iban', label: 'IBAN' },
          { id: 'bank', type: 'uk-bank-account', label: 'Bank account' },
          { id: 'keptIban', type: 'iban', label: 'IBAN for refunds', persist: true },
        ],
      },
    ],
  };
}

/** Identifiers that pass their checks: the published examples of each scheme. */
export const VALID = {
  personnummer: '19811218-9876',
  fodselsnummer: '15108695088',
  nino: 'AB 12 34 56 C',
  iban: 'GB82 WEST 1234 5698 7654 32',
  sortCode: '20-00-00',
  accountNumber: '55779911',
} as const;

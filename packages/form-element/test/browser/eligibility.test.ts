import { expect } from '@open-wc/testing';
import { isValidSwedishPersonnummer } from '@union-join/sdk';
import type { UnionJoinStepEvent } from '../../src/events/step-event.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import { deviceText, eventually, leavePage, storedKeys } from './fixtures/device.ts';
import {
  $,
  back,
  continueOn,
  heading,
  mount,
  nextEvent,
  root,
  textOf,
  type,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

async function answerAboutYou(el: UnionJoinForm, birthYear: number): Promise<void> {
  await type(el, 'uj-givenName', 'Sam');
  await type(el, 'uj-birthDate', '1');
  await type(el, 'uj-birthDate-month', '1');
  await type(el, 'uj-birthDate-year', String(birthYear));
  await type(el, 'uj-email', 'sam@example.org');
}

/** A Swedish form that asks for a personnummer and no date of birth. */
const swedishUnion = {
  id: 'se-union',
  version: 1,
  organisation: { name: 'Exempelförbundet', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['sv', 'en'],
  steps: [
    {
      id: 'om-dig',
      title: { sv: 'Om dig', en: 'About you' },
      fields: [
        {
          id: 'personnummer',
          type: 'national-id',
          country: 'SE',
          label: { sv: 'Personnummer', en: 'Personal identity number' },
          required: true,
        },
        {
          id: 'givenName',
          type: 'text',
          label: { sv: 'Förnamn', en: 'First name' },
          required: true,
        },
      ],
    },
    {
      id: 'arbete',
      title: { sv: 'Ditt arbete', en: 'Your work' },
      fields: [{ id: 'employer', type: 'text', label: { sv: 'Arbetsgivare', en: 'Employer' } }],
    },
  ],
};

/** A valid personnummer `YYYYMMDD-XXXX` of someone born on 1 January of `year`. */
function personnummerBornIn(year: number): string {
  for (let check = 0; check <= 9; check++) {
    const value = `${year}0101-123${check}`;
    if (isValidSwedishPersonnummer(value)) return value;
  }
  throw new Error('no check digit fits');
}

/** Collects the analytics batches the page sends (to `/v1/events`); returns the bodies and the undo. */
function captureAnalytics(): { bodies: Promise<string>[]; restore: () => void } {
  const bodies: Promise<string>[] = [];
  const own = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname !== '/v1/events') return own(input, init);
    bodies.push(request.text());
    return Promise.resolve(new Response(null, { status: 202 }));
  };
  return { bodies, restore: () => (globalThis.fetch = own) };
}

describe('<union-join-form> eligibility', () => {
  it('shows its own page, naming the organisation, to an applicant under the minimum age', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() - 14);
    const shown = nextEvent<UnionJoinStepEvent>(el, 'union-join-step');
    await continueOn(el);
    expect((await shown).detail.step).to.equal('ineligible');
    const page = textOf($(el, '[part~="form"]'));
    expect(page).to.contain('Example Workers Union');
    expect(root(el).querySelector('form'), 'nothing more to fill in').to.equal(null);
    const privacy = $<HTMLAnchorElement>(el, 'a[href="https://example.org/privacy"]');
    expect(textOf(privacy)).to.not.equal('');
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-heading');
    expect(heading(el)).to.not.equal('About you');
    await expect(el).to.be.accessible();
  });

  it('turns a too-young applicant away on their date of birth alone, before asking for more', async () => {
    const el = await mount(exampleUnion);
    await type(el, 'uj-birthDate', '1');
    await type(el, 'uj-birthDate-month', '1');
    await type(el, 'uj-birthDate-year', String(new Date().getFullYear() - 10));
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    expect(root(el).querySelector('.error-summary'), 'no demand for a name or email').to.equal(
      null,
    );
  });

  it('shows a date of birth in the future as a mistake to correct, not as too young', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() + 2);
    await continueOn(el);
    expect(heading(el)).to.equal('About you');
    expect(textOf($(el, '.error-summary'))).to.contain('Date of birth');
  });

  it('has a Back link to correct a mistyped year, with the answers still there', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() - 1);
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    await back(el);
    expect(heading(el)).to.equal('About you');
    expect($<HTMLInputElement>(el, '#uj-email').value).to.equal('sam@example.org');
    await type(el, 'uj-birthDate-year', String(new Date().getFullYear() - 31));
    await continueOn(el);
    expect(heading(el)).to.equal('Your work');
  });

  it('lets an applicant of the minimum age carry on', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() - 30);
    await continueOn(el);
    expect(heading(el)).to.equal('Your work');
  });

  describe('on a Swedish form that asks for a personnummer and no date of birth', () => {
    it("shows its own page for a child's personnummer, before asking for more", async () => {
      const el = await mount(swedishUnion);
      await type(el, 'uj-personnummer', personnummerBornIn(new Date().getFullYear() - 6));
      const shown = nextEvent<UnionJoinStepEvent>(el, 'union-join-step');
      await continueOn(el);
      expect((await shown).detail.step).to.equal('ineligible');
      expect(heading(el)).to.equal('You cannot join online');
      expect(textOf($(el, '[part~="form"]'))).to.contain('Exempelförbundet');
      expect(root(el).querySelector('.error-summary'), 'no demand for a name').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('keeps the number out of the draft and out of analytics', async () => {
      const beacons = captureAnalytics();
      try {
        const child = personnummerBornIn(new Date().getFullYear() - 12);
        const el = await mount(swedishUnion);
        await type(el, 'uj-givenName', 'Zqchild');
        await type(el, 'uj-personnummer', child);
        leavePage();
        await eventually(async () => (await deviceText()).includes('Zqchild'), 'the draft');
        const digits = child.replace('-', '');
        const stored = await deviceText();
        for (const form of [child, digits, digits.slice(2), child.slice(2)]) {
          expect(stored, 'the draft').not.to.include(form);
        }

        await continueOn(el);
        expect(heading(el)).to.equal('You cannot join online');
        await eventually(async () => (await storedKeys('drafts')).length === 0, 'the draft to go');
        leavePage();
        await eventually(() => beacons.bodies.length > 0, 'the analytics batch');
        const sent = await Promise.all(beacons.bodies);
        expect(sent.join('\n'), 'the refusal is counted').to.include('"ineligible"');
        for (const body of sent) {
          for (const form of [digits, digits.slice(2), digits.slice(-4), child.slice(2, 8)]) {
            expect(body, 'analytics').not.to.include(form);
          }
        }
      } finally {
        beacons.restore();
      }
    });

    it("lets an adult's personnummer carry on to the next step", async () => {
      const el = await mount(swedishUnion);
      await type(el, 'uj-personnummer', personnummerBornIn(new Date().getFullYear() - 30));
      await type(el, 'uj-givenName', 'Sam');
      await continueOn(el);
      expect(heading(el)).to.equal('Your work');
    });

    it('has a Back link to correct a mistyped number', async () => {
      const el = await mount(swedishUnion);
      await type(el, 'uj-givenName', 'Sam');
      await type(el, 'uj-personnummer', personnummerBornIn(new Date().getFullYear() - 10));
      await continueOn(el);
      expect(heading(el)).to.equal('You cannot join online');
      await back(el);
      expect(heading(el)).to.equal('About you');
      await type(el, 'uj-personnummer', personnummerBornIn(new Date().getFullYear() - 40));
      await continueOn(el);
      expect(heading(el)).to.equal('Your work');
    });
  });
});

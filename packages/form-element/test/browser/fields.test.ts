import { expect } from '@open-wc/testing';
import { allFields } from './fixtures/definitions.ts';
import {
  $,
  $$,
  choose,
  continueOn,
  heading,
  mount,
  option,
  root,
  textOf,
  type,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Fills the first step of `allFields` and moves on to the second. */
async function toDatesAndChoices(el: UnionJoinForm): Promise<void> {
  await type(el, 'uj-name', 'Ada Lovelace');
  await type(el, 'uj-email', 'ada@example.org');
  await continueOn(el);
}

async function toWhere(el: UnionJoinForm): Promise<void> {
  await toDatesAndChoices(el);
  await choose(el, 'uj-sector');
  await continueOn(el);
}

describe('<union-join-form> fields', () => {
  it('is accessible on a step of text-like fields', async () => {
    const el = await mount(allFields);
    await expect(el).to.be.accessible();
  });

  it('gives each text-like type the right input, keyboard and autofill', async () => {
    const el = await mount(allFields);
    const name = $<HTMLInputElement>(el, '#uj-name');
    expect(name.type).to.equal('text');
    expect(name.getAttribute('autocomplete')).to.equal('name');

    const email = $<HTMLInputElement>(el, '#uj-email');
    expect(email.type).to.equal('email');
    expect(email.getAttribute('autocomplete')).to.equal('email');
    expect(email.getAttribute('spellcheck')).to.equal('false');

    const phone = $<HTMLInputElement>(el, '#uj-phone');
    expect(phone.type).to.equal('tel');
    expect(phone.getAttribute('autocomplete')).to.equal('tel');

    const hours = $<HTMLInputElement>(el, '#uj-hours');
    expect(hours.type, 'numbers are text inputs, as GOV.UK advises').to.equal('text');
    expect(hours.inputMode).to.equal('numeric');
    expect($<HTMLInputElement>(el, '#uj-salary').inputMode).to.equal('decimal');

    const story = $<HTMLTextAreaElement>(el, '#uj-story');
    expect(story.localName).to.equal('textarea');
    expect(story.hasAttribute('maxlength'), 'no silent truncation').to.equal(false);
  });

  it('labels every control, marks optional fields and wires hints to their control', async () => {
    const el = await mount(allFields);
    for (const input of $$<HTMLInputElement>(el, 'input, textarea')) {
      expect(input.labels?.length, `label for #${input.id}`).to.be.greaterThan(0);
    }
    const optional = (id: string) => $(el, `label[for="${id}"]`).querySelector('.optional');
    expect(optional('uj-name'), 'required field').to.equal(null);
    expect(textOf(optional('uj-phone'))).to.not.equal('');
    const phone = $<HTMLInputElement>(el, '#uj-phone');
    expect(phone.getAttribute('aria-describedby')).to.equal('uj-phone-hint');
    expect(textOf($(el, '#uj-phone-hint'))).to.equal('Mobile or landline');
  });

  it('tells assistive technology which controls must be answered, boxes of a date or address too', async () => {
    const form = {
      ...allFields,
      id: 'required-states',
      steps: [
        {
          id: 'all',
          title: 'All',
          fields: [
            { id: 'born', type: 'date', label: 'Date of birth', required: true },
            {
              id: 'kind',
              type: 'choice',
              label: 'Membership',
              required: true,
              options: [
                { value: 'full', label: 'Full' },
                { value: 'student', label: 'Student' },
              ],
            },
            { id: 'home', type: 'address', label: 'Home', defaultCountry: 'GB', required: true },
            { id: 'bank', type: 'uk-bank-account', label: 'Bank account', required: true },
            { id: 'holder', type: 'checkbox', label: 'I am the account holder', required: true },
            { id: 'note', type: 'textarea', label: 'Anything else' },
            { id: 'started', type: 'date', label: 'Start date' },
          ],
        },
      ],
    };
    const el = await mount(form);
    const required = (selector: string) =>
      $$<HTMLInputElement>(el, selector).map((control) => [control.id, control.required]);
    expect(required('input[id^="uj-born"]')).to.deep.equal([
      ['uj-born', true],
      ['uj-born-month', true],
      ['uj-born-year', true],
    ]);
    expect(required('input[name="kind"]').every(([, is]) => is)).to.equal(true);
    expect(required('input[id^="uj-home"]')).to.deep.include.members([
      ['uj-home', true],
      ['uj-home-line2', false],
      ['uj-home-town', true],
      ['uj-home-postcode', true],
    ]);
    expect(required('input[id^="uj-bank"]').every(([, is]) => is)).to.equal(true);
    expect(required('#uj-holder')).to.deep.equal([['uj-holder', true]]);
    expect(required('#uj-note, input[id^="uj-started"]').some(([, is]) => is)).to.equal(false);
  });

  it('reads an option or checkbox hint once, as its description, not again in its name', async () => {
    const form = {
      ...allFields,
      id: 'hinted-options',
      steps: [
        {
          id: 'all',
          title: 'All',
          fields: [
            {
              id: 'kind',
              type: 'choice',
              label: 'Membership',
              options: [
                { value: 'full', label: 'Full', hint: 'Working 22 hours a week or more' },
                { value: 'student', label: 'Student' },
              ],
            },
            {
              id: 'holder',
              type: 'checkbox',
              label: 'I am the account holder',
              hint: 'You can authorise payments alone',
            },
          ],
        },
      ],
    };
    const el = await mount(form);
    // The accessible name from a label's content leaves out what is aria-hidden.
    const nameOf = (control: HTMLInputElement): string => {
      const label = control.labels?.[0];
      const clone = label?.cloneNode(true) as HTMLElement | undefined;
      clone?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return (clone?.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const descriptionOf = (control: HTMLInputElement): string =>
      (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => textOf(root(el).getElementById(id)))
        .join(' ');
    const full = $<HTMLInputElement>(el, '#uj-kind');
    expect(nameOf(full)).to.equal('Full');
    expect(descriptionOf(full)).to.equal('Working 22 hours a week or more');
    const holder = $<HTMLInputElement>(el, '#uj-holder');
    expect(nameOf(holder)).to.equal('I am the account holder');
    expect(descriptionOf(holder)).to.contain('You can authorise payments alone');
  });

  it('shows a date as day, month and year boxes with a numeric keyboard', async () => {
    const el = await mount(allFields);
    await toDatesAndChoices(el);
    const group = $(el, '[data-field="started"] fieldset');
    expect(textOf(group.querySelector('legend'))).to.contain('When did you start?');
    const boxes = $$<HTMLInputElement>(el, '[data-field="started"] input');
    expect(boxes.map((b) => b.id)).to.deep.equal([
      'uj-started',
      'uj-started-month',
      'uj-started-year',
    ]);
    for (const box of boxes) {
      expect(box.inputMode).to.equal('numeric');
      expect(box.labels?.length).to.equal(1);
    }
  });

  it('stores a date typed into the boxes as YYYY-MM-DD', async () => {
    const el = await mount(allFields);
    await toDatesAndChoices(el);
    await type(el, 'uj-started', '3');
    await type(el, 'uj-started-month', '9');
    await type(el, 'uj-started-year', '2015');
    expect(el.session?.get('started')).to.equal('2015-09-03');
  });

  it('offers a few options as radios and many as a select', async () => {
    const el = await mount(allFields);
    await toDatesAndChoices(el);
    const radios = $$<HTMLInputElement>(el, '[data-field="sector"] input[type="radio"]');
    expect(radios).to.have.length(2);
    expect(radios.every((r) => r.name === 'sector')).to.equal(true);
    expect(textOf($(el, '[data-field="sector"] .option .hint'))).to.equal('Councils, NHS, schools');

    const region = $<HTMLSelectElement>(el, '#uj-region');
    expect(region.localName, '8 options').to.equal('select');
    expect(region.options).to.have.length(9);
    await choose(el, 'uj-region', 'wales');
    expect(el.session?.get('region')).to.equal('wales');

    option(el, 'sector', 'Private').click();

    await el.updateComplete;
    expect(el.session?.get('sector')).to.equal('private');
  });

  it('keeps multi-choice answers in option order and a checkbox as a boolean', async () => {
    const el = await mount(allFields);
    await toDatesAndChoices(el);
    option(el, 'interests', 'Training').click();
    await el.updateComplete;
    option(el, 'interests', 'Pay').click();
    await el.updateComplete;
    expect(el.session?.get('interests')).to.deep.equal(['pay', 'training']);
    option(el, 'interests', 'Pay').click();
    await el.updateComplete;
    expect(el.session?.get('interests')).to.deep.equal(['training']);

    await choose(el, 'uj-rep');
    expect(el.session?.get('rep')).to.equal(true);
  });

  it('never pre-ticks a consent and links it to the privacy notice', async () => {
    const el = await mount(allFields);
    await toDatesAndChoices(el);
    const consent = $<HTMLInputElement>(el, '#uj-marketing');
    expect(consent.type).to.equal('checkbox');
    expect(consent.checked).to.equal(false);
    const link = $<HTMLAnchorElement>(el, '#uj-marketing-privacy a');
    expect(link.href).to.equal('https://example.org/privacy');
    expect(consent.getAttribute('aria-describedby')).to.contain('uj-marketing-privacy');
    await expect(el).to.be.accessible();
  });

  it('asks for a postcode and an address with autofill for every part', async () => {
    const el = await mount(allFields);
    await toWhere(el);
    expect(heading(el)).to.equal('Where you live');
    expect($(el, '#uj-postcode').getAttribute('autocomplete')).to.equal('postal-code');
    const auto = (id: string) => $(el, `#${id}`).getAttribute('autocomplete');
    expect(auto('uj-home')).to.equal('address-line1');
    expect(auto('uj-home-line2')).to.equal('address-line2');
    expect(auto('uj-home-town')).to.equal('address-level2');
    expect(auto('uj-home-postcode')).to.equal('postal-code');
    const country = $<HTMLSelectElement>(el, '#uj-home-country');
    expect(country.getAttribute('autocomplete')).to.equal('country');
    expect(country.value, 'defaultCountry').to.equal('GB');
    expect(country.options.length).to.be.greaterThan(200);

    expect(el.session?.get('home'), 'a pre-selected country alone is no answer').to.equal(
      undefined,
    );
    await type(el, 'uj-home', '1 High Street');
    await type(el, 'uj-home-town', 'Leeds');
    await type(el, 'uj-home-postcode', 'ls1 4ap');
    expect(el.session?.get('home')).to.deep.include({ line1: '1 High Street', country: 'GB' });
    await expect(el).to.be.accessible();
  });

  it('marks an Irish Eircode optional, and a British postcode not', async () => {
    const el = await mount(allFields);
    await toWhere(el);
    const postcodeLabel = () => textOf($(el, 'label[for="uj-home-postcode"]'));
    expect(postcodeLabel()).to.equal('Postcode');
    await choose(el, 'uj-home-country', 'IE');
    expect(postcodeLabel()).to.equal('Postcode (optional)');
    await type(el, 'uj-home', '1 Main Street');
    await type(el, 'uj-home-town', 'Ennis');
    const issues = el.session?.validateAll().filter((issue) => issue.field === 'home');
    expect(issues).to.deep.equal([]);
  });

  it('asks for identity and bank details without autofill or spellcheck', async () => {
    const el = await mount(allFields);
    await toWhere(el);
    await continueOn(el);
    expect(heading(el)).to.equal('Identity and payment');

    const nino = $<HTMLInputElement>(el, '#uj-nino');
    expect(nino.inputMode).to.equal('text');
    expect(nino.getAttribute('autocapitalize')).to.equal('characters');
    expect(nino.getAttribute('spellcheck')).to.equal('false');
    expect(nino.getAttribute('autocomplete')).to.equal('off');

    const iban = $<HTMLInputElement>(el, '#uj-iban');
    expect(iban.getAttribute('spellcheck')).to.equal('false');
    expect(iban.getAttribute('autocapitalize')).to.equal('characters');

    expect($<HTMLInputElement>(el, '#uj-bank').getAttribute('autocomplete')).to.equal('name');
    expect($<HTMLInputElement>(el, '#uj-bank-sortCode').inputMode).to.equal('numeric');
    expect($<HTMLInputElement>(el, '#uj-bank-accountNumber').inputMode).to.equal('numeric');

    await type(el, 'uj-nino', 'qq 12 34 56 c');
    expect(el.session?.get('nino'), 'the engine normalises').to.equal('QQ123456C');
    expect(nino.value, 'the box keeps what was typed').to.equal('qq 12 34 56 c');
    await expect(el).to.be.accessible();
  });
});

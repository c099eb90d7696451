import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { allFields, exampleUnion } from './fixtures/definitions.ts';
import { $, $$, continueOn, mount, root, textOf, type, until } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** A Swedish step of six required questions: a tall summary when all are left empty. */
const sixQuestions = {
  id: 'sex-fragor',
  version: 1,
  organisation: { name: 'Exempelförbundet', privacyNoticeUrl: 'https://example.org/integritet' },
  locales: ['sv'],
  steps: [
    {
      id: 'om-dig',
      title: 'Om dig',
      fields: ['Förnamn', 'Efternamn', 'Gatuadress', 'Postort', 'Arbetsplats', 'Yrke'].map(
        (label, i) => ({ id: `f${i}`, type: 'text', label, required: true }),
      ),
    },
  ],
};

/** Puts a tall page above the form and scrolls so only the form's first lines show at the bottom. */
function formLowOnScreen(el: UnionJoinForm): void {
  const spacer = document.createElement('div');
  spacer.className = 'spacer';
  spacer.textContent = 'Page content above the form';
  spacer.style.height = '2000px';
  el.before(spacer);
  const top = el.getBoundingClientRect().top + scrollY;
  scrollTo(0, top - innerHeight + 40);
}

/** Whether the summary's heading is wholly inside the window. */
function headingInView(el: UnionJoinForm): boolean {
  const box = $(el, '.error-summary h2').getBoundingClientRect();
  return box.top >= 0 && box.bottom <= innerHeight;
}

describe('<union-join-form> error summary', () => {
  it('takes focus and lists one link per problem, in field order', async () => {
    const el = await mount(exampleUnion);
    await type(el, 'uj-email', 'ada@example');
    await continueOn(el);
    const summary = $(el, '.error-summary');
    expect(el.shadowRoot?.activeElement).to.equal(summary);
    expect(textOf(summary.querySelector('h2'))).to.equal('There is a problem');
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#uj-givenName',
      '#uj-birthDate',
      '#uj-email',
    ]);
    for (const link of links) expect(textOf(link)).to.not.equal('');
  });

  it('reads out the problems once, as an alert, as GOV.UK does', async () => {
    const el = await mount(exampleUnion);
    await continueOn(el);
    const alert = $(el, '.error-summary [role="alert"]');
    expect(textOf(alert)).to.contain('There is a problem').and.to.contain('Enter your first name');
    expect($(el, '.error-summary').hasAttribute('aria-labelledby'), 'no name on a div').to.equal(
      false,
    );
    expect(textOf($(el, '[role="status"][aria-live="polite"]')), 'not said twice').to.equal('');
  });

  it('focuses the field when a link is followed', async () => {
    const el = await mount(exampleUnion);
    await continueOn(el);
    $<HTMLAnchorElement>(el, '.error-summary a[href="#uj-email"]').click();
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-email');
    $<HTMLAnchorElement>(el, '.error-summary a[href="#uj-birthDate"]').click();
    expect(el.shadowRoot?.activeElement?.id, 'the first date box').to.equal('uj-birthDate');
  });

  it('puts the same message inline, wired with aria-describedby and aria-invalid', async () => {
    const el = await mount(exampleUnion);
    await type(el, 'uj-givenName', 'Ada');
    await type(el, 'uj-email', 'not an email');
    await continueOn(el);
    const email = $<HTMLInputElement>(el, '#uj-email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')?.split(' ')).to.include('uj-email-error');
    const inline = $(el, '#uj-email-error');
    const summaryText = textOf($(el, '.error-summary a[href="#uj-email"]'));
    expect(textOf(inline)).to.contain(summaryText);
    expect(inline.getAttribute('part')).to.equal('error');
    expect($(el, '#uj-givenName').hasAttribute('aria-invalid'), 'a good answer').to.equal(false);

    const dateGroup = $(el, '[data-field="birthDate"] fieldset');
    expect(dateGroup.getAttribute('aria-describedby')).to.contain('uj-birthDate-error');
    for (const box of $$<HTMLInputElement>(el, '[data-field="birthDate"] input')) {
      expect(box.getAttribute('aria-invalid'), box.id).to.equal('true');
    }
  });

  it('is accessible in the error state', async () => {
    const el = await mount(allFields);
    await type(el, 'uj-email', 'x');
    await type(el, 'uj-hours', 'lots');
    await continueOn(el);
    expect($$(el, '.error-summary li').length).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('clears the summary once the step is put right', async () => {
    const el = await mount(exampleUnion);
    await continueOn(el);
    await type(el, 'uj-givenName', 'Ada');
    await type(el, 'uj-birthDate', '1');
    await type(el, 'uj-birthDate-month', '2');
    await type(el, 'uj-birthDate-year', '1990');
    await type(el, 'uj-email', 'ada@example.org');
    await continueOn(el);
    expect(root(el).querySelector('.error-summary')).to.equal(null);
  });

  describe('on a small phone (360 x 640) with the form low on the page', () => {
    before(async () => {
      await setViewport({ width: 360, height: 640 });
    });
    afterEach(async () => {
      document.querySelector('.spacer')?.remove();
      scrollTo(0, 0);
      await emulateMedia({ reducedMotion: 'no-preference' });
    });
    after(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    it('scrolls the heading of a tall summary into view, at once under reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await mount(sixQuestions, { lang: 'sv' });
      formLowOnScreen(el);
      await continueOn(el);
      expect($$(el, '.error-summary li')).to.have.length(6);
      expect(el.shadowRoot?.activeElement).to.equal($(el, '.error-summary'));
      expect(textOf($(el, '.error-summary h2'))).to.equal('Det finns ett problem');
      expect(headingInView(el)).to.equal(true);
    });

    it('scrolls the heading into view with motion too', async () => {
      const el = await mount(sixQuestions, { lang: 'sv' });
      formLowOnScreen(el);
      await continueOn(el);
      expect(el.shadowRoot?.activeElement).to.equal($(el, '.error-summary'));
      await until(() => headingInView(el), 'the heading in view');
    });

    it('leaves the page where it is when the heading already shows', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await mount(sixQuestions, { lang: 'sv' });
      await continueOn(el);
      expect(scrollY).to.equal(0);
      expect(headingInView(el)).to.equal(true);
    });
  });

  it('marks only the box the engine names for a wrong part of a date', async () => {
    const el = await mount(exampleUnion);
    await type(el, 'uj-birthDate', '12');
    await type(el, 'uj-birthDate-month', '13');
    await type(el, 'uj-birthDate-year', '1990');
    await continueOn(el);
    const invalid = $$<HTMLInputElement>(el, '[data-field="birthDate"] input[aria-invalid="true"]');
    expect(invalid.length).to.be.greaterThan(0);
    expect(textOf($(el, '#uj-birthDate-error'))).to.not.equal('');
  });
});

// Lists the forms the server has actually loaded (from /served-forms.json), so the page never
// offers a form that is not there, whichever forms directory the server was started with.
const LANGUAGES = { en: 'English', nb: 'norsk', sv: 'svenska' };
const NOTES = {
  'example-union': 'the definition from the README',
  'uk-union-direct-debit': 'Direct Debit, National Insurance number, free student membership',
  'no-youth-organisation': '13 and over, school, interests, three consents',
  'no-health-union': 'fødselsnummer, occupations, a step only students see',
  'se-union-personnummer': 'personnummer, salary-based fee, IBAN for refunds',
};
const SCRIPT_TAG_FORM = 'example-union';

const status = document.getElementById('forms-status');
const table = document.getElementById('forms');

function link(href, text, hreflang) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (hreflang) a.hreflang = hreflang;
  return a;
}

function row(form) {
  const tr = document.createElement('tr');
  const name = document.createElement('td');
  name.textContent = form.organisation;
  const id = document.createElement('code');
  id.textContent = form.id;
  name.append(' (', id, ')');
  if (NOTES[form.id]) name.append(`: ${NOTES[form.id]}`);
  const tryIt = document.createElement('td');
  form.locales.forEach((locale, index) => {
    if (index > 0) tryIt.append(', ');
    const href = `try/?form=${encodeURIComponent(form.id)}&lang=${encodeURIComponent(locale)}`;
    tryIt.append(link(href, LANGUAGES[locale] ?? locale, locale));
  });
  const json = document.createElement('td');
  json.append(link(`/v1/forms/${encodeURIComponent(form.id)}`, 'JSON'));
  tr.append(name, tryIt, json);
  return tr;
}

try {
  const response = await fetch('/served-forms.json');
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { forms } = await response.json();
  table.tBodies[0].append(...forms.map(row));
  table.hidden = forms.length === 0;
  status.textContent =
    forms.length === 0
      ? 'This server serves no forms: put <id>.json files in its forms directory and restart it.'
      : `${forms.length} ${forms.length === 1 ? 'form' : 'forms'}.`;
  document.getElementById('script-tag-missing').hidden = forms.some(
    (form) => form.id === SCRIPT_TAG_FORM,
  );
} catch {
  status.textContent = 'The list of forms could not be loaded; is the server still running?';
}

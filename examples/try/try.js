// Opens the form named in `?form=` (and `?lang=`), and lists the element's events as they happen.
// Without a valid `?form=`, it opens the first form the server serves.
const params = new URLSearchParams(location.search);
const requested = params.get('form') ?? '';
const formId = /^[a-z0-9][a-z0-9-]{0,63}$/.test(requested) ? requested : await firstServedForm();
const lang = params.get('lang');

async function firstServedForm() {
  try {
    const response = await fetch('/served-forms.json');
    const { forms } = await response.json();
    return forms[0]?.id ?? 'example-union';
  } catch {
    return 'example-union';
  }
}

const form = document.createElement('union-join-form');
form.setAttribute('endpoint', location.origin);
form.setAttribute('form-id', formId);
if (lang === 'en' || lang === 'nb' || lang === 'sv') form.setAttribute('lang', lang);
document.getElementById('form-slot').append(form);
document.title = `${formId} | union-join-form`;

// What each event says, without answers: the submit event carries the whole application, so only
// its form id and version are shown.
const describe = {
  step: (d) => (d.index < 0 ? d.step : `${d.step} (${d.index + 1} of ${d.total})`),
  submit: (d) => `${d.application.formId} v${d.application.formVersion}`,
  success: (d) => `reference ${d.id}`,
  queued: () => 'saved on this device, will be sent when online',
  error: (d) => `${d.kind}: ${d.error instanceof Error ? d.error.name : 'error'}`,
  resume: (d) => (d.savedAt ? `draft from ${d.savedAt}` : 'draft restored'),
};

const list = document.getElementById('events');
for (const [name, text] of Object.entries(describe)) {
  form.addEventListener(`union-join-${name}`, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} union-join-${name}: ${text(event.detail)}`;
    list.append(item);
  });
}

import type { Translation } from './translation.ts';

/** Norwegian Bokmål, in the plain style of Språkrådet's «klarspråk». */
export const nb: Translation = {
  loading: 'Laster inn skjemaet …',
  loadErrorTitle: 'Beklager, skjemaet kunne ikke lastes inn',
  loadError: 'Sjekk internettforbindelsen og prøv igjen.',
  insecurePage:
    'Dette skjemaet kan bare brukes på en sikker side: adressen til siden må begynne med https://.',
  formNotFound: 'Vi fant ikke dette skjemaet. Det kan ha blitt fjernet.',
  notConfigured: 'Dette skjemaet er ikke satt opp ennå.',
  definitionInvalidTitle: 'Beklager, det er en feil i dette skjemaet',
  definitionInvalid:
    'Skjemaet er ikke satt opp riktig og kan ikke vises. Gi beskjed til organisasjonen som har denne nettsiden.',
  tryAgain: 'Prøv igjen',

  stepOf: 'Steg {n} av {total}',
  back: 'Tilbake',
  continue: 'Fortsett',
  optional: '(valgfritt)',
  errorSummaryTitle: 'Det er et problem',
  errorPrefix: 'Feil:',
  selectOption: 'Velg et alternativ',
  selectAllThatApply: 'Velg alle som passer.',
  yes: 'Ja',
  no: 'Nei',

  day: 'Dag',
  month: 'Måned',
  year: 'År',
  dateHint: 'For eksempel 27 3 1990',
  addressLine1: 'Adresselinje 1',
  addressLine2: 'Adresselinje 2',
  town: 'Poststed',
  postcode: 'Postnummer',
  country: 'Land',
  accountHolder: 'Navn på kontoeieren',
  sortCode: 'Sorteringskode (sort code)',
  sortCodeHint: 'Må være 6 sifre',
  accountNumber: 'Kontonummer',
  accountNumberHint: 'Må være 8 sifre',

  privacyNotice: 'Slik bruker vi opplysningene dine',
  opensInNewTab: '(åpnes i ny fane)',

  checkYourAnswers: 'Sjekk svarene dine',
  checkYourAnswersIntro: 'Sjekk svarene dine før du sender søknaden.',
  change: 'Endre',
  notProvided: 'Ikke oppgitt',
  sendApplication: 'Send søknaden',
  sending: 'Sender …',
  submitFailedTitle: 'Søknaden er ikke sendt ennå',
  submitFailed:
    'Vi fikk ikke kontakt med serveren. Svarene dine er ikke borte: prøv igjen om noen minutter.',
  formChanged:
    'Dette skjemaet er endret siden du åpnet det. Last inn siden på nytt for å svare på spørsmålene det stiller nå. Svar som er lagret på denne enheten, beholdes.',
  submitRejected: 'Noen av svarene ble ikke godtatt. Sjekk dem og prøv igjen.',
  submitUnavailable:
    '{organisation} tar ikke imot søknader gjennom dette skjemaet akkurat nå. Svarene dine er ikke borte. Ta kontakt med {organisation} for å melde deg inn. Kontaktopplysningene står i personvernerklæringen deres.',
  alreadySent: 'Denne søknaden er allerede sendt, så den ble ikke sendt på nytt',
  alreadySentBody:
    '{organisation} har mottatt den. Vil du endre et svar nå, må du kontakte {organisation}.',
  rateLimited:
    'Det er sendt for mange søknader fra denne forbindelsen. Vent noen minutter og prøv igjen.',

  confirmationTitle: 'Søknaden er sendt',
  confirmationBody: 'Takk! {organisation} har mottatt søknaden din.',
  yourReference: 'Referansenummeret ditt',

  ineligibleTitle: 'Du kan ikke melde deg inn på nett',
  ineligibleBody:
    'Du må være {minimumAge} år eller eldre for å melde deg inn i {organisation} på nett.',

  offlineNotice: 'Du er frakoblet. Du kan fortsette: svarene dine lagres på denne enheten.',
  offlineNoticeNoDrafts:
    'Du er frakoblet. Du kan fortsette, men la siden være åpen: svarene dine lagres ikke på denne enheten.',
  queuedTitle: 'Søknaden sendes når du er på nett igjen',
  queuedBody:
    'Den er lagret på denne enheten og sendes automatisk, også hvis du lukker siden og åpner den igjen senere, så lenge dette ikke er et privat vindu. Du trenger ikke å fylle ut skjemaet på nytt.',
  queuedBodyKeepOpen:
    'Den kunne ikke lagres på denne enheten, så la siden være åpen til den er sendt. Du trenger ikke å fylle ut skjemaet på nytt.',
  queuedRetryTitle: 'Søknaden er lagret og sendes automatisk',
  queuedRetryBody: 'Serveren kunne ikke ta imot søknaden akkurat nå.',
  queuedSent: 'Den lagrede søknaden er sendt.',
  earlierWaiting:
    'En tidligere søknad fra denne enheten venter på å bli sendt. Den sendes automatisk: fyll bare ut dette skjemaet for en annen person.',
  startNewApplication: 'Start en ny søknad',

  resumeTitle: 'Du har en søknad som ikke er ferdig, lagret {when}',
  momentAgo: 'nettopp',
  resumeBody: 'Svarene dine ble lagret på denne enheten.',
  resumeNotKept:
    'Av sikkerhetshensyn lagres ikke fødselsnummer og bankopplysninger på enheten: du blir bedt om å fylle dem inn på nytt.',
  continueApplication: 'Fortsett søknaden',
  startAgain: 'Begynn på nytt',
  deleteSavedAnswers: 'Slett lagrede svar',
  deleteSavedQuestion: 'Slette svarene som er lagret på denne enheten?',
  deleteSavedYes: 'Ja, slett dem',
  deleteSavedNo: 'Nei, behold dem',
  savedAnswersDeleted: 'De lagrede svarene dine er slettet.',
  draftsNotice: 'Svarene dine lagres på denne enheten til du sender dem, i opptil {days}.',
  oneDay: '1 dag',
  days: '{days} dager',
  draftsUnavailable:
    'Svarene dine kan ikke lagres på denne enheten, så la siden være åpen til du har sendt søknaden.',

  theAnswer: 'Svaret',
  issues: {
    required: 'Skriv inn {label}',
    'required.select': 'Velg {label}',
    'required.question': 'Svar på spørsmålet',
    'required.tick': 'Kryss av i boksen for å fortsette',
    'required.line1': 'Skriv inn adresselinje 1',
    'required.town': 'Skriv inn poststed',
    'required.postcode': 'Skriv inn postnummer',
    'required.country': 'Velg land',
    'required.accountHolder': 'Skriv inn navnet på kontoeieren',
    'required.sortCode': 'Skriv inn sorteringskoden',
    'required.accountNumber': 'Skriv inn kontonummeret',
    too_long: '{Label} kan ikke ha mer enn {max} tegn',
    too_short: '{Label} må ha minst {min} tegn',
    invalid_email: 'Skriv inn en e-postadresse i riktig format, for eksempel navn@eksempel.no',
    invalid_tel: 'Skriv inn et gyldig telefonnummer, med landskode hvis det ikke er norsk',
    invalid_number: '{Label} må være et tall',
    too_small: '{Label} må være {min} eller mer',
    too_large: '{Label} må være {max} eller mindre',
    not_integer: '{Label} må være et helt tall',
    invalid_date: '{Label} må være en gyldig dato',
    'invalid_date.day': '{Label} må inneholde dag',
    'invalid_date.month': '{Label} må inneholde måned',
    'invalid_date.year': '{Label} må inneholde år',
    year_not_four_digits: 'Året må ha fire sifre',
    year_too_early: 'Året må være 1900 eller senere',
    date_in_future: '{Label} kan ikke være fram i tid',
    invalid_choice: 'Velg {label} fra listen',
    invalid_postcode: 'Skriv inn et gyldig postnummer',
    invalid_personnummer: 'Skriv inn et gyldig svensk personnummer, med 10 eller 12 sifre',
    invalid_fodselsnummer: 'Skriv inn et gyldig fødselsnummer eller D-nummer, med 11 sifre',
    invalid_nino:
      'Skriv inn et britisk National Insurance-nummer i riktig format, for eksempel QQ 12 34 56 C',
    invalid_iban: 'Skriv inn et gyldig IBAN-nummer, for eksempel NO93 8601 1117 947',
    invalid_sort_code: 'Skriv inn en gyldig sorteringskode, for eksempel 309430',
    invalid_account_number: 'Skriv inn et gyldig kontonummer, for eksempel 00733445',
    consent_required: 'Kryss av i boksen for å gi samtykke',
    invalid: 'Kontroller {label}',
  },
};

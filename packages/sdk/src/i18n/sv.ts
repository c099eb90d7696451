import type { Translation } from './translation.ts';

/** Swedish, in the plain style of Språkrådet's klarspråk guidance. */
export const sv: Translation = {
  loading: 'Formuläret laddas …',
  loadErrorTitle: 'Tyvärr gick det inte att ladda formuläret',
  loadError: 'Kontrollera internetanslutningen och försök igen.',
  insecurePage:
    'Det här formuläret kan bara användas på en säker sida: sidans adress måste börja med https://.',
  formNotFound: 'Formuläret hittades inte. Det kan ha tagits bort.',
  notConfigured: 'Formuläret är inte klart ännu.',
  definitionInvalidTitle: 'Tyvärr är det fel på formuläret',
  definitionInvalid:
    'Formuläret är inte rätt inställt och kan inte visas. Meddela organisationen som har den här webbplatsen.',
  tryAgain: 'Försök igen',

  stepOf: 'Steg {n} av {total}',
  back: 'Tillbaka',
  continue: 'Fortsätt',
  optional: '(frivilligt)',
  errorSummaryTitle: 'Det finns ett problem',
  errorPrefix: 'Fel:',
  selectOption: 'Välj ett alternativ',
  selectAllThatApply: 'Välj alla som stämmer.',
  yes: 'Ja',
  no: 'Nej',

  day: 'Dag',
  month: 'Månad',
  year: 'År',
  dateHint: 'Till exempel 1990 3 27',
  addressLine1: 'Adressrad 1',
  addressLine2: 'Adressrad 2',
  town: 'Ort',
  postcode: 'Postnummer',
  country: 'Land',
  accountHolder: 'Kontoinnehavarens namn',
  sortCode: 'Sorteringskod (sort code)',
  sortCodeHint: 'Ska vara 6 siffror',
  accountNumber: 'Kontonummer',
  accountNumberHint: 'Ska vara 8 siffror',

  privacyNotice: 'Så använder vi dina uppgifter',
  opensInNewTab: '(öppnas i ny flik)',

  checkYourAnswers: 'Kontrollera dina svar',
  checkYourAnswersIntro: 'Kontrollera dina svar innan du skickar ansökan.',
  change: 'Ändra',
  notProvided: 'Inte angivet',
  sendApplication: 'Skicka ansökan',
  sending: 'Skickar …',
  submitFailedTitle: 'Ansökan är inte skickad än',
  submitFailed:
    'Vi fick ingen kontakt med servern. Dina svar finns kvar: försök igen om några minuter.',
  formChanged:
    'Formuläret har ändrats sedan du öppnade det. Ladda om sidan för att svara på de frågor det ställer nu. Svar som sparats på den här enheten finns kvar.',
  submitRejected: 'Några av dina svar godtogs inte. Kontrollera dem och försök igen.',
  submitUnavailable:
    '{organisation} tar inte emot ansökningar via det här formuläret just nu. Dina svar finns kvar. Kontakta {organisation} för att bli medlem. Kontaktuppgifterna finns i deras integritetspolicy.',
  alreadySent: 'Den här ansökan har redan skickats, så den skickades inte igen',
  alreadySentBody:
    '{organisation} har tagit emot den. Vill du ändra ett svar nu, kontakta {organisation}.',
  rateLimited:
    'För många ansökningar har skickats från den här anslutningen. Vänta några minuter och försök igen.',

  confirmationTitle: 'Ansökan är skickad',
  confirmationBody: 'Tack! {organisation} har tagit emot din ansökan.',
  yourReference: 'Ditt referensnummer',

  ineligibleTitle: 'Du kan inte bli medlem via webben',
  ineligibleBody:
    'Du måste vara {minimumAge} år eller äldre för att bli medlem i {organisation} via webben.',

  offlineNotice: 'Du är offline. Du kan fortsätta: dina svar sparas på den här enheten.',
  offlineNoticeNoDrafts:
    'Du är offline. Du kan fortsätta, men låt sidan vara öppen: dina svar sparas inte på den här enheten.',
  queuedTitle: 'Ansökan skickas när du är online igen',
  queuedBody:
    'Den är sparad på den här enheten och skickas automatiskt, även om du stänger sidan och öppnar den igen senare, så länge detta inte är ett privat fönster. Du behöver inte fylla i formuläret igen.',
  queuedBodyKeepOpen:
    'Den kunde inte sparas på den här enheten, så låt sidan vara öppen tills den har skickats. Du behöver inte fylla i formuläret igen.',
  queuedRetryTitle: 'Ansökan är sparad och skickas automatiskt',
  queuedRetryBody: 'Servern kunde inte ta emot ansökan just nu.',
  queuedSent: 'Den sparade ansökan är skickad.',
  earlierWaiting:
    'En tidigare ansökan från den här enheten väntar på att skickas. Den skickas automatiskt: fyll bara i det här formuläret för en annan person.',
  startNewApplication: 'Påbörja en ny ansökan',

  resumeTitle: 'Du har en ansökan som inte är klar, sparad {when}',
  momentAgo: 'nyss',
  resumeBody: 'Dina svar sparades på den här enheten.',
  resumeNotKept:
    'Av säkerhetsskäl sparas inte personnummer och bankuppgifter på enheten: du får fylla i dem igen.',
  continueApplication: 'Fortsätt med ansökan',
  startAgain: 'Börja om',
  deleteSavedAnswers: 'Radera sparade svar',
  deleteSavedQuestion: 'Radera svaren som sparats på den här enheten?',
  deleteSavedYes: 'Ja, radera dem',
  deleteSavedNo: 'Nej, behåll dem',
  savedAnswersDeleted: 'Dina sparade svar har raderats.',
  draftsNotice: 'Dina svar sparas på den här enheten tills du skickar dem, i upp till {days}.',
  oneDay: '1 dag',
  days: '{days} dagar',
  draftsUnavailable:
    'Dina svar kan inte sparas på den här enheten, så låt sidan vara öppen tills du har skickat ansökan.',

  theAnswer: 'Svaret',
  issues: {
    required: 'Fyll i {label}',
    'required.select': 'Välj {label}',
    'required.question': 'Svara på frågan',
    'required.tick': 'Kryssa i rutan för att fortsätta',
    'required.line1': 'Fyll i adressrad 1',
    'required.town': 'Fyll i ort',
    'required.postcode': 'Fyll i postnummer',
    'required.country': 'Välj land',
    'required.accountHolder': 'Fyll i kontoinnehavarens namn',
    'required.sortCode': 'Fyll i sorteringskoden',
    'required.accountNumber': 'Fyll i kontonumret',
    too_long: '{Label} får ha högst {max} tecken',
    too_short: '{Label} måste ha minst {min} tecken',
    invalid_email: 'Fyll i en e-postadress i rätt format, till exempel namn@exempel.se',
    invalid_tel: 'Fyll i ett giltigt telefonnummer, med landsnummer om det inte är svenskt',
    invalid_number: '{Label} måste vara ett tal',
    too_small: '{Label} måste vara {min} eller mer',
    too_large: '{Label} måste vara {max} eller mindre',
    not_integer: '{Label} måste vara ett heltal',
    invalid_date: '{Label} måste vara ett giltigt datum',
    'invalid_date.day': '{Label} måste innehålla en dag',
    'invalid_date.month': '{Label} måste innehålla en månad',
    'invalid_date.year': '{Label} måste innehålla ett år',
    year_not_four_digits: 'Året måste ha fyra siffror',
    year_too_early: 'Året måste vara 1900 eller senare',
    date_in_future: '{Label} måste vara ett datum som har passerat',
    invalid_choice: 'Välj {label} i listan',
    invalid_postcode: 'Fyll i ett giltigt postnummer',
    invalid_personnummer:
      'Fyll i ett giltigt personnummer eller samordningsnummer, med 10 eller 12 siffror',
    invalid_fodselsnummer: 'Fyll i ett giltigt norskt fødselsnummer eller D-nummer, med 11 siffror',
    invalid_nino:
      'Fyll i ett brittiskt National Insurance-nummer i rätt format, till exempel QQ 12 34 56 C',
    invalid_iban: 'Fyll i ett giltigt IBAN, till exempel SE45 5000 0000 0583 9825 7466',
    invalid_sort_code: 'Fyll i en giltig sorteringskod, till exempel 309430',
    invalid_account_number: 'Fyll i ett giltigt kontonummer, till exempel 00733445',
    consent_required: 'Kryssa i rutan för att ge ditt samtycke',
    invalid: 'Kontrollera {label}',
  },
};

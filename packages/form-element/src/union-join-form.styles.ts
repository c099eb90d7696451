import { css } from 'lit';

/**
 * Styles of `<union-join-form>`. Every colour, the font, the radius and the spacing come from a
 * `--union-join-form-*` custom property with a default, so a union's site can theme the form without
 * reaching into the shadow root. Private `--_*` variables hold the resolved values.
 */
export const styles = css`
  :host {
    --_primary: var(--union-join-form-color-primary, #1a4fb4);
    --_on-primary: var(--union-join-form-color-on-primary, #fff);
    --_text: var(--union-join-form-color-text, #16191d);
    --_muted: var(--union-join-form-color-muted, #4b5563);
    --_bg: var(--union-join-form-color-background, #fff);
    --_surface: var(--union-join-form-color-surface, #f3f5f8);
    --_border: var(--union-join-form-color-border, #6b7280);
    --_divider: var(--union-join-form-color-divider, #d9dee5);
    --_error: var(--union-join-form-color-error, #b42318);
    --_focus: var(--union-join-form-color-focus, #ffbf1f);
    --_focus-text: var(--union-join-form-color-focus-text, #0b0c0c);
    --_radius: var(--union-join-form-radius, 0.5rem);
    /* Floors in px: a theme making 1rem 10 px (html { font-size: 62.5% }) must not shrink the
       text below what reads well, nor a touch target below 44 px; larger text still scales. */
    --_space: var(--union-join-form-spacing, max(1rem, 16px));
    --_target: max(2.75rem, 44px);

    display: block;
    box-sizing: border-box;
    max-width: var(--union-join-form-max-width, 42rem);
    font-family: var(--union-join-form-font-family, system-ui, sans-serif);
    font-size: var(--union-join-form-font-size, max(1.0625rem, 17px));
    line-height: 1.5;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }

  :host([hidden]) {
    display: none;
  }

  /* Not inherited from the host: a page's '* { box-sizing: content-box }' reaches the host. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [part~='form'] {
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_divider);
    border-radius: calc(var(--_radius) * 1.5);
    padding: calc(var(--_space) * 1.25) var(--_space) calc(var(--_space) * 1.5);
    box-shadow:
      0 1px 2px rgb(16 24 40 / 0.06),
      0 4px 16px rgb(16 24 40 / 0.06);
    overflow-wrap: anywhere;
  }

  @media (min-width: 40rem) {
    [part~='form'] {
      padding: calc(var(--_space) * 2) calc(var(--_space) * 2.25) calc(var(--_space) * 2.25);
    }
  }

  form {
    margin: 0;
  }

  h2,
  h3 {
    margin: 0 0 calc(var(--_space) * 0.75);
    line-height: 1.2;
    letter-spacing: -0.01em;
  }

  h2 {
    font-size: 1.75em;
    font-weight: 700;
    margin-bottom: var(--_space);
  }

  /* Headings take focus only so that a screen reader starts there on a new page; as in GOV.UK's
     patterns they show no ring, which would otherwise look like a box around the title. */
  h2[tabindex]:focus {
    outline: none;
    box-shadow: none;
  }

  @media (max-width: 30em) {
    h2 {
      font-size: 1.5em;
    }
  }

  h3 {
    font-size: 1.2em;
    font-weight: 650;
    margin-top: calc(var(--_space) * 1.75);
  }

  p {
    margin: 0 0 var(--_space);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Focus: a yellow ring with a dark edge, visible on light and dark backgrounds alike. */
  :is(a, button, input, select, textarea, [tabindex]):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }

  /* The transparent outline is invisible here, but forced colours (Windows High Contrast) paint it
     in a system colour where they drop the background and shadows that show focus otherwise. */
  .link:focus-visible,
  a:focus-visible {
    outline-color: transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    text-decoration: none;
    box-shadow:
      0 -2px var(--_focus) inset,
      0 4px var(--_focus-text);
  }

  /* Progress */
  [part~='progress'] {
    margin: 0 0 calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-size: 0.9375em;
    font-weight: 600;
  }

  .bar {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: 0.25rem;
    margin: 0 0 calc(var(--_space) * 1.5);
  }

  .bar > span {
    height: 0.375rem;
    border-radius: 999px;
    background: var(--_divider);
  }

  .bar > span.done {
    background: var(--_primary);
  }

  /* Links and link-like buttons */
  a,
  .link {
    color: var(--_primary);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }

  .link {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    cursor: pointer;
  }

  .link:hover,
  a:hover {
    text-decoration-thickness: 0.15em;
  }

  .back {
    margin: calc(var(--_space) * -0.5) 0 calc(var(--_space) * 0.5);
    gap: 0.375rem;
    color: var(--_text);
  }

  .back::before {
    content: '';
    width: 0.45em;
    height: 0.45em;
    border-left: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(45deg);
  }

  /* Fields */
  [part~='field'] {
    margin: 0 0 calc(var(--_space) * 1.75);
  }

  [part~='field'].has-error {
    padding-left: calc(var(--_space) * 0.75);
    border-left: 4px solid var(--_error);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
  }

  [part~='label'] {
    display: block;
    margin: 0 0 0.375rem;
    font-weight: 650;
  }

  .optional {
    font-weight: 400;
    color: var(--_muted);
  }

  .hint {
    display: block;
    margin: -0.125rem 0 0.5rem;
    color: var(--_muted);
  }

  [part~='error'] {
    display: block;
    margin: 0 0 0.5rem;
    color: var(--_error);
    font-weight: 650;
  }

  [part~='input'] {
    display: block;
    width: 100%;
    min-height: var(--_target);
    margin: 0;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    appearance: none;
  }

  textarea[part~='input'] {
    min-height: 7.5rem;
    resize: vertical;
  }

  select[part~='input'] {
    padding-right: 2.5rem;
    background-image:
      linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position:
      right 1.2rem center,
      right 0.85rem center;
    background-size: 0.35rem 0.35rem;
    background-repeat: no-repeat;
  }

  [part~='input'][aria-invalid='true'] {
    border-color: var(--_error);
  }

  .w-2 {
    max-width: 4.5rem;
  }
  .w-4 {
    max-width: 6.5rem;
  }
  .w-6 {
    max-width: 9rem;
  }
  .w-10 {
    max-width: 14rem;
  }
  .w-20 {
    max-width: 24rem;
  }

  /* Day, month and year stay on one line: the boxes narrow a little rather than wrap. */
  .parts {
    display: flex;
    gap: 1rem;
  }

  .parts > div {
    min-width: 0;
  }

  .parts [part~='label'] {
    font-weight: 400;
  }

  .stack > * + * {
    margin-top: var(--_space);
  }

  /* Radios and checkboxes: a whole row is the touch target. */
  .options {
    display: grid;
    gap: 0.25rem;
  }

  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.75rem;
    align-items: start;
    min-height: var(--_target);
    padding: 0.5rem 0;
    cursor: pointer;
  }

  .option input {
    width: 1.75rem;
    height: 1.75rem;
    margin: -0.125rem 0 0;
    accent-color: var(--_primary);
    cursor: pointer;
  }

  .option [part~='label'] {
    margin: 0;
    font-weight: 400;
  }

  .option .hint {
    grid-column: 2;
    margin: 0.125rem 0 0;
  }

  .consent-text {
    margin: 0 0 0 2.5rem;
    font-size: 0.9375em;
  }

  .consent-text a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
  }

  /* Buttons */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.5rem;
    margin-top: calc(var(--_space) * 2);
  }

  [part~='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: var(--_target);
    padding: 0.625rem 1.5rem;
    font: inherit;
    font-weight: 650;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 rgb(0 0 0 / 0.18);
    cursor: pointer;
  }

  [part~='button']:hover {
    filter: brightness(1.1);
  }

  [part~='button']:active {
    transform: translateY(1px);
  }

  [part~='button'][aria-disabled='true'],
  .link[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  [part~='button'].secondary {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--_border);
  }

  /* A phone, or text zoomed to 200 %: side padding in viewport units leaves the words the room. */
  @media (max-width: 30rem) {
    [part~='form'] {
      padding-inline: min(var(--_space), 4vw);
    }
    .actions [part~='button'] {
      width: 100%;
      padding-inline: min(1.5rem, 3vw);
    }
  }

  /* Error summary */
  .error-summary {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
  }

  .error-summary h2 {
    font-size: 1.25em;
    margin-bottom: 0.5rem;
  }

  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .error-summary a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    color: var(--_error);
    font-weight: 650;
  }

  /* Check your answers */
  .summary {
    margin: 0 0 var(--_space);
    border-top: 1px solid var(--_divider);
    container-type: inline-size;
  }

  /* Narrow: the question on its own line, then the answer with Change beside it. Wide: one row. */
  .summary > div {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
    gap: 0.25rem 1rem;
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--_divider);
  }

  .summary dt {
    grid-column: 1 / -1;
    font-weight: 650;
  }

  .summary dd {
    margin: 0;
  }

  /* One line per address line or option; on the span, so the template's own line breaks are not. */
  .summary .value span {
    white-space: pre-line;
  }

  /* The 44 px target is centred on the answer's first line, without making the row taller. */
  .summary .actions-cell {
    display: flex;
    margin-block: calc((1.5em - var(--_target)) / 2);
  }

  /* Zoomed to 200 % on a phone: Change under the answer, so answers are not broken letter by letter. */
  @container (max-width: 15em) {
    .summary > div {
      grid-template-columns: 1fr;
    }
  }

  @media (min-width: 40rem) {
    .summary > div {
      grid-template-columns: 2fr 3fr auto;
    }
    .summary dt {
      grid-column: auto;
    }
  }

  .lead,
  .muted {
    color: var(--_muted);
  }

  /* What is kept on the device: a sentence, then its 44 px delete control on a line of its own. */
  .drafts {
    margin: var(--_space) 0 0;
  }

  .drafts .link {
    display: flex;
  }

  /* Pages that are not steps */
  .panel {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5) var(--_space);
    border-radius: var(--_radius);
    text-align: center;
    color: #fff;
    background: var(--union-join-form-color-success, #12703f);
  }

  .panel h2 {
    margin-bottom: 0.75rem;
  }

  .panel p {
    margin: 0;
  }

  .reference {
    display: block;
    margin-top: 0.25rem;
    /* Sized so the grouped reference (19 characters) fits one line on a 360 px phone. */
    font-size: 1.25em;
    font-weight: 700;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    letter-spacing: 0.04em;
    text-wrap: balance;
  }

  .notice {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border-left: 5px solid var(--_error);
    background: var(--_surface);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }

  .notice.info {
    border-left-color: var(--_primary);
  }

  .notice p:last-child {
    margin-bottom: 0;
  }

  .issues {
    margin: 0;
    padding-left: 1.25rem;
  }

  .issues code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }

  .spinner {
    display: inline-block;
    width: 1.25rem;
    height: 1.25rem;
    border: 3px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
  }

  .loading {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 6rem;
    color: var(--_muted);
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .bar > span {
      transition: background-color 240ms ease-out;
    }
    [part~='button'] {
      transition:
        filter 120ms ease,
        transform 120ms ease;
    }
    .spinner {
      animation: spin 800ms linear infinite;
    }
  }

  /* Dark defaults come last, so they beat the light ones; a property the page sets beats both. */
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--union-join-form-color-primary, #8ab4ff);
      --_on-primary: var(--union-join-form-color-on-primary, #0b1426);
      --_text: var(--union-join-form-color-text, #eef1f5);
      --_muted: var(--union-join-form-color-muted, #b5bdc9);
      --_bg: var(--union-join-form-color-background, #161b22);
      --_surface: var(--union-join-form-color-surface, #1f2630);
      --_border: var(--union-join-form-color-border, #9aa4b2);
      --_divider: var(--union-join-form-color-divider, #343d4a);
      --_error: var(--union-join-form-color-error, #ff9b8f);
    }
    .panel {
      color: #0b0c0c;
      background: var(--union-join-form-color-success, #6fdc9f);
    }
  }

  @media (forced-colors: active) {
    [part~='button'] {
      border-color: ButtonText;
    }
    .bar > span.done {
      background: Highlight;
    }
  }
`;

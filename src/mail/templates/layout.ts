/**
 * The MJML source of the one layout every rapporteur mail uses (reminders, escalations, change notices, digests),
 * in three variants that differ only in their buttons: `two` (Mark as done, Snooze 1 day), `one` (Mark as done),
 * `none`. MJML turns it into table-based HTML that Outlook (Word engine), Gmail and Apple Mail render alike.
 *
 * The compiled HTML is kept next to this file (`compiled/<variant>.html`) and read once when the process starts
 * ({@link ../render.ts}); nothing compiles MJML while sending. After changing this file, compile again with
 * `npx tsx src/mail/templates/build.ts` (a unit test fails while the compiled files are out of date).
 *
 * Slots are written `%%SGBOT_NAME%%`; {@link ../render.ts} fills them, escaping every value unless it was built
 * as HTML by its escaping template tag. Colours are explicit everywhere (no client default is relied on), with a
 * `prefers-color-scheme: dark` palette and the Outlook.com dark-mode selectors; no images, so nothing is lost with
 * images off.
 */

/** Which buttons a layout has. */
export type LayoutVariant = 'two' | 'one' | 'none';

export const LAYOUT_VARIANTS: readonly LayoutVariant[] = ['two', 'one', 'none'];

/** Slots every variant has; `DONE_URL` and `SNOOZE_URL` only where the buttons are. */
export const LAYOUT_SLOTS = ['SUBJECT', 'PREHEADER', 'KICKER', 'TITLE', 'BODY', 'FOOTER'] as const;

/** Light and dark palettes; the dark one is applied by class in the `prefers-color-scheme: dark` styles. */
export const PALETTE = {
  light: { page: '#eef1f5', card: '#ffffff', border: '#d5dbe3', text: '#1a1f2b', muted: '#5b6472', accent: '#0b57d0', button: '#0b57d0', buttonText: '#ffffff', warnBg: '#fff4e0', warnBorder: '#c77700' },
  dark: { page: '#111418', card: '#1c2129', border: '#38404c', text: '#e8eaed', muted: '#aab3bf', accent: '#8ab4f8', button: '#8ab4f8', buttonText: '#0b1a33', warnBg: '#3a2c12', warnBorder: '#f0a93b' },
} as const;

// System fonts only: a font MJML knows by name (Roboto, Open Sans…) would make it link Google Fonts.
const FONT = '-apple-system, BlinkMacSystemFont, Segoe UI, Helvetica, Arial, sans-serif';

function darkStyles(): string {
  const d = PALETTE.dark;
  // Classes the layout and the body HTML of render.ts put on elements; every rule overrides an inline colour. Each
  // selector is written once per scope: `&` stands for the scope (`body`, or Outlook.com's attributes).
  const rules = (scopes: readonly string[]) =>
    [
      // `sg-page` is the body itself (mj-body's class), and its first div repeats the background.
      ['&.sg-page, &.sg-page > div, & .sg-page > div', `background-color: ${d.page} !important;`],
      ['& .sg-card, & .sg-card > table, & .sg-card td', `background-color: ${d.card} !important; border-color: ${d.border} !important;`],
      ['& .sg-text, & .sg-text div, & .sg-text td, & .sg-text p, & .sg-text span, & .sg-text strong, & .sg-text h1, & .sg-text h2', `color: ${d.text} !important;`],
      // More specific than the rule above: a muted label inside the body stays muted.
      ['& .sg-muted, & .sg-text .sg-muted, & .sg-muted div, & .sg-muted td, & .sg-muted p', `color: ${d.muted} !important;`],
      ['& .sg-kicker div', `color: ${d.accent} !important;`],
      ['& .sg-link, & a.sg-link', `color: ${d.accent} !important;`],
      ['& .sg-rule', `border-color: ${d.border} !important;`],
      ['& .sg-warn, & td.sg-warn', `background-color: ${d.warnBg} !important; border-color: ${d.warnBorder} !important; color: ${d.text} !important;`],
      ['& .sg-primary td, & .sg-primary a', `background-color: ${d.button} !important; color: ${d.buttonText} !important; border-color: ${d.button} !important;`],
      ['& .sg-secondary td, & .sg-secondary a', `background-color: ${d.card} !important; color: ${d.accent} !important; border-color: ${d.accent} !important;`],
    ]
      .map(([selectors = '', declarations = '']) => `${scopes.flatMap((scope) => selectors.split(', ').map((s) => s.replace('&', scope))).join(',')}{${declarations}}`)
      .join('\n');
  return [
    ':root { color-scheme: light dark; supported-color-schemes: light dark; }',
    `@media (prefers-color-scheme: dark) {\n${rules(['body'])}\n}`,
    // Outlook.com marks its dark mode with these attributes instead of the media query.
    rules(['[data-ogsc]', '[data-ogsb]']),
  ].join('\n');
}

function buttons(variant: LayoutVariant): string {
  const l = PALETTE.light;
  if (variant === 'none') return '';
  const done = `<mj-button css-class="sg-primary" href="%%SGBOT_DONE_URL%%" background-color="${l.button}" color="${l.buttonText}" border="2px solid ${l.button}" font-size="15px" font-weight="600" inner-padding="11px 22px" border-radius="6px" align="left" padding="4px 0">Mark as done</mj-button>`;
  const snooze = `<mj-button css-class="sg-secondary" href="%%SGBOT_SNOOZE_URL%%" background-color="${l.card}" color="${l.accent}" border="2px solid ${l.accent}" font-size="15px" font-weight="600" inner-padding="11px 22px" border-radius="6px" align="left" padding="4px 0">Snooze 1 day</mj-button>`;
  // Side by side from 480 px wide, one above the other on a phone.
  const columns = variant === 'two' ? [done, snooze] : [done];
  // The first column just holds its button, so the second starts close to it rather than half-way across.
  const widths = variant === 'two' ? ['34%', '66%'] : ['100%'];
  return `
    <mj-section css-class="sg-card" background-color="${l.card}" border-left="1px solid ${l.border}" border-right="1px solid ${l.border}" padding="4px 28px 12px" text-align="left">
      ${columns.map((b, i) => `<mj-column width="${widths[i] ?? '100%'}" padding="0 8px 0 0">${b}</mj-column>`).join('\n      ')}
    </mj-section>`;
}

/** The MJML document of `variant`. */
export function layoutMjml(variant: LayoutVariant): string {
  const l = PALETTE.light;
  return `<mjml lang="en" dir="ltr">
  <mj-head>
    <mj-title>%%SGBOT_SUBJECT%%</mj-title>
    <mj-raw>
      <meta name="color-scheme" content="light dark">
      <meta name="supported-color-schemes" content="light dark">
      <meta name="format-detection" content="telephone=no, date=no, address=no, email=no">
    </mj-raw>
    <mj-attributes>
      <mj-all font-family="${FONT}" />
      <mj-text color="${l.text}" font-size="15px" line-height="1.5" padding="0" />
      <mj-section padding="0" />
      <mj-column padding="0" />
    </mj-attributes>
    <mj-style>
      a { color: ${l.accent}; }
      .sg-facts td { vertical-align: top; }
      @media only screen and (max-width: 479px) { .sg-title div { font-size: 21px !important; } .sg-label { width: 84px !important; } }
${darkStyles()}
    </mj-style>
  </mj-head>
  <mj-body background-color="${l.page}" width="600px" css-class="sg-page">
    <mj-raw>
      <!-- The preheader: the line mail clients show after the subject in the message list; hidden in the message. -->
      <div class="sg-preheader" style="display:none;mso-hide:all;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;color:${l.page};">%%SGBOT_PREHEADER%%</div>
    </mj-raw>
    <mj-section padding="24px 16px 10px" text-align="left">
      <mj-column>
        <mj-text css-class="sg-muted" color="${l.muted}" font-size="13px" line-height="1.4">sgbot &middot; ITU-T deadlines</mj-text>
      </mj-column>
    </mj-section>
    <mj-section css-class="sg-card" background-color="${l.card}" border-top="1px solid ${l.border}" border-left="1px solid ${l.border}" border-right="1px solid ${l.border}" border-radius="8px 8px 0 0" padding="24px 28px 8px" text-align="left">
      <mj-column>
        <mj-text css-class="sg-kicker" color="${l.accent}" font-size="12px" font-weight="700" letter-spacing="1px" padding="0 0 6px"><span style="text-transform:uppercase;">%%SGBOT_KICKER%%</span></mj-text>
        <mj-text css-class="sg-title sg-text" font-size="23px" font-weight="700" line-height="1.3" padding="0 0 16px"><h1 style="margin:0;font-size:inherit;font-weight:inherit;line-height:inherit;color:inherit;">%%SGBOT_TITLE%%</h1></mj-text>
        <mj-text css-class="sg-text">%%SGBOT_BODY%%</mj-text>
      </mj-column>
    </mj-section>${buttons(variant)}
    <mj-section css-class="sg-card" background-color="${l.card}" border-bottom="1px solid ${l.border}" border-left="1px solid ${l.border}" border-right="1px solid ${l.border}" border-radius="0 0 8px 8px" padding="0 28px 16px" text-align="left">
      <mj-column>
        <mj-spacer height="8px" />
      </mj-column>
    </mj-section>
    <mj-section padding="14px 28px 32px" text-align="left">
      <mj-column>
        <mj-text css-class="sg-muted" color="${l.muted}" font-size="13px" line-height="1.5">%%SGBOT_FOOTER%%</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}

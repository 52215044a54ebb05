/**
 * Rapporteur mail from one template: a {@link MailView} (what the message says, as plain values) becomes the HTML
 * part (the MJML layout of templates/layout.ts, compiled ahead of time and read once when this module loads) and the
 * plain-text alternative, which say the same things with the same links. Pure apart from that one read.
 *
 * Everything that comes from documents (titles, references, actions) is plain text here and is escaped wherever it
 * goes into HTML: `<script>` or `{{x}}` in a liaison title shows as those characters. HTML is only ever built with
 * the {@link html} tag, which escapes every interpolated value unless it is itself {@link SafeHtml}.
 */
import { readFileSync } from 'node:fs';
import { escapeHtml } from './html.ts';
import { LAYOUT_SLOTS, LAYOUT_VARIANTS, PALETTE, type LayoutVariant } from './templates/layout.ts';

/** HTML known to be safe: built by {@link html} (or the layout). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function htmlOf(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(htmlOf).join('');
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every value (strings, numbers, arrays of them) except {@link SafeHtml}.
 *
 * @example html`<b>${title}</b>` // title '<script>' gives '<b>&lt;script&gt;</b>'
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += htmlOf(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * `url` when it is an absolute http(s) URL (the only links a message carries), for an `href`.
 *
 * @throws {Error} for anything else (`javascript:`, relative, unparsable): a programming error upstream
 */
export function httpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a URL for a mail link: "${url}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Not an http(s) URL for a mail link: "${url}"`);
  return url;
}

/** One labelled line of a facts table: "Due", "Document"… */
export interface MailFact {
  label: string;
  value: string;
  /** Shown in bold. */
  strong?: boolean;
  /** Makes the value a link (the URL is repeated on the next line in the plain text). */
  href?: string;
  /** A second, smaller line under the value (a document's title). */
  note?: string;
  /** Shown struck through in HTML (a date that no longer holds). */
  struck?: boolean;
  /** The plain-text line, when `label: value` does not read well. */
  textLine?: string;
}

/** One entry of a list (a digest's documents, deadlines, liaisons). */
export interface MailListItem {
  title: string;
  /** Makes the title a link. */
  href?: string;
  detail?: string;
  /** A smaller line under the detail. */
  meta?: string;
  /** The document it comes from, when the title is not the document itself. */
  source?: { label: string; href: string };
}

export type MailBlock =
  | { kind: 'paragraph'; text: string; strong?: boolean }
  | { kind: 'facts'; rows: MailFact[] }
  | { kind: 'list'; heading: string; items: MailListItem[] }
  | { kind: 'note'; text: string; tone?: 'muted' | 'warning' };

/** What a message says, in plain values. */
export interface MailView {
  /** The subject; also the HTML title. */
  subject: string;
  /** Shown in the message list after the subject; not in the message. */
  preheader: string;
  /** A word or two above the title: "Reminder", "Deadline moved". */
  kicker: string;
  title: string;
  blocks: MailBlock[];
  /** Buttons (HTML) and links (text): "Mark as done" needs `done`; "Snooze 1 day" comes only with it. */
  actions: { done?: string; snooze?: string };
  footer: {
    lines: string[];
    /** The unsubscribe link, e.g. `{ label: 'Stop reminder mail', href }`. */
    unsubscribe?: { label: string; href: string };
  };
}

/** The compiled layouts, read once. */
const LAYOUTS: Record<LayoutVariant, string> = Object.fromEntries(
  LAYOUT_VARIANTS.map((v) => [v, readFileSync(new URL(`./templates/compiled/${v}.html`, import.meta.url), 'utf8')]),
) as Record<LayoutVariant, string>;

const SLOT = /%%SGBOT_([A-Z_]+)%%/g;

function slotsOf(variant: LayoutVariant): string[] {
  return [...LAYOUT_SLOTS, ...(variant === 'none' ? [] : ['DONE_URL']), ...(variant === 'two' ? ['SNOOZE_URL'] : [])];
}

for (const v of LAYOUT_VARIANTS) {
  const found = new Set([...LAYOUTS[v].matchAll(SLOT)].map((m) => m[1]));
  const missing = slotsOf(v).filter((s) => !found.has(s));
  if (missing.length > 0 || found.size !== slotsOf(v).length) throw new Error(`Mail layout "${v}" does not have the slots ${slotsOf(v).join(', ')}: compile it again (npx tsx src/mail/templates/build.ts).`);
}

/**
 * `layout` with its slots filled in one pass: a string value is escaped, a {@link SafeHtml} goes in as is. A value
 * that itself looks like a slot is not filled again.
 *
 * @throws {Error} when a slot has no value
 */
export function fillLayout(layout: string, values: Record<string, string | SafeHtml>): string {
  return layout.replace(SLOT, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`No value for the mail layout slot ${name}`);
    return v instanceof SafeHtml ? v.value : escapeHtml(v);
  });
}

const C = PALETTE.light;
const LINK = `color:${C.accent};text-decoration:underline;`;

function link(href: string, text: string): SafeHtml {
  return html`<a class="sg-link" href="${httpUrl(href)}" style="${LINK}" target="_blank">${text}</a>`;
}

function factsHtml(rows: MailFact[]): SafeHtml {
  const tr = rows.map((r, i) => {
    const border = i === 0 ? '' : `border-top:1px solid ${C.border};`;
    let value: SafeHtml = r.href ? link(r.href, r.value) : html`${r.value}`;
    if (r.strong) value = html`<strong style="font-weight:700;color:${C.text};">${value}</strong>`;
    if (r.struck) value = html`<s>${value}</s>`;
    const note = r.note ? html`<br><span class="sg-muted" style="font-size:14px;color:${C.muted};">${r.note}</span>` : null;
    return html`
<tr>
<td class="sg-label sg-muted" width="104" style="width:104px;padding:8px 12px 8px 0;${border}font-size:13px;line-height:1.5;color:${C.muted};vertical-align:top;">${r.label}</td>
<td style="padding:8px 0;${border}font-size:15px;line-height:1.5;color:${C.text};vertical-align:top;">${value}${note}</td>
</tr>`;
  });
  return html`<table role="presentation" class="sg-facts" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;margin:0 0 12px;">${tr}
</table>`;
}

function listHtml(heading: string, items: MailListItem[]): SafeHtml {
  const tr = items.map((it, i) => {
    const border = i === 0 ? '' : `border-top:1px solid ${C.border};`;
    const title = it.href ? link(it.href, it.title) : html`<strong style="font-weight:600;color:${C.text};">${it.title}</strong>`;
    const detail = it.detail ? html`<br><span style="color:${C.text};">${it.detail}</span>` : null;
    const meta = it.meta ? html`<br><span class="sg-muted" style="font-size:14px;color:${C.muted};">${it.meta}</span>` : null;
    const source = it.source ? html`<br><span class="sg-muted" style="font-size:14px;color:${C.muted};">${link(it.source.href, it.source.label)}</span>` : null;
    return html`
<tr><td style="padding:8px 0;${border}font-size:15px;line-height:1.5;color:${C.text};vertical-align:top;">${title}${detail}${meta}${source}</td></tr>`;
  });
  return html`<h2 style="margin:20px 0 4px;font-size:17px;line-height:1.3;font-weight:700;color:${C.text};">${heading}</h2>
<table role="presentation" class="sg-facts" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;margin:0 0 8px;">${tr}
</table>`;
}

function blockHtml(b: MailBlock): SafeHtml {
  switch (b.kind) {
    case 'paragraph':
      return b.strong
        ? html`<p style="margin:0 0 14px;font-size:16px;line-height:1.5;font-weight:600;color:${C.text};">${b.text}</p>`
        : html`<p style="margin:0 0 14px;font-size:15px;line-height:1.5;color:${C.text};">${b.text}</p>`;
    case 'facts':
      return factsHtml(b.rows);
    case 'list':
      return listHtml(b.heading, b.items);
    case 'note':
      if (b.tone === 'warning') {
        return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;margin:4px 0 14px;"><tr><td class="sg-warn" style="background-color:${C.warnBg};border-left:4px solid ${C.warnBorder};padding:10px 12px;font-size:14px;line-height:1.5;color:${C.text};">${b.text}</td></tr></table>`;
      }
      return html`<p class="sg-muted" style="margin:0 0 12px;font-size:14px;line-height:1.5;color:${C.muted};">${b.text}</p>`;
  }
}

function variantOf(actions: MailView['actions']): LayoutVariant {
  if (actions.snooze && !actions.done) throw new Error('A mail with "Snooze 1 day" needs "Mark as done" too.');
  return actions.snooze ? 'two' : actions.done ? 'one' : 'none';
}

/** Zero-width fillers after the preheader, so clients do not pull the first lines of the body into the preview. */
const PREHEADER_FILL = new SafeHtml('&#847;&zwnj;&nbsp;'.repeat(40));

/** The HTML part of `view`. */
export function renderMailHtml(view: MailView): string {
  const variant = variantOf(view.actions);
  const footer = [
    ...view.footer.lines.map((l) => html`<p style="margin:0 0 6px;">${l}</p>`),
    view.footer.unsubscribe ? html`<p style="margin:0;">${link(view.footer.unsubscribe.href, view.footer.unsubscribe.label)}</p>` : null,
  ];
  const values: Record<string, string | SafeHtml> = {
    SUBJECT: view.subject,
    PREHEADER: html`${view.preheader}${PREHEADER_FILL}`,
    KICKER: view.kicker,
    TITLE: view.title,
    BODY: html`${view.blocks.map(blockHtml)}`,
    FOOTER: html`${footer}`,
  };
  if (view.actions.done) values['DONE_URL'] = httpUrl(view.actions.done);
  if (view.actions.snooze) values['SNOOZE_URL'] = httpUrl(view.actions.snooze);
  return fillLayout(LAYOUTS[variant], values);
}

function blockText(b: MailBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
    case 'note':
      return [b.text];
    case 'facts':
      return b.rows.flatMap((r) => [r.textLine ?? `${r.label}: ${r.value}${r.note ? ` — ${r.note}` : ''}`, ...(r.href ? [`${' '.repeat(r.label.length + 2)}${r.href}`] : [])]);
    case 'list':
      return [
        b.heading,
        ...b.items.flatMap((it) => [
          `- ${it.title}`,
          ...(it.detail ? [`  ${it.detail}`] : []),
          ...(it.meta ? [`  ${it.meta}`] : []),
          ...(it.href ? [`  ${it.href}`] : []),
          ...(it.source ? [`  ${it.source.label}: ${it.source.href}`] : []),
        ]),
      ];
  }
}

/** The plain-text alternative of `view`: the same facts and every link written out. */
export function renderMailText(view: MailView): string {
  // The subject heads the text: it is the kicker and the title in one line ("Reminder: Contributions (SG20) due…").
  const parts: string[][] = [[view.subject], ...view.blocks.map(blockText)];
  const links = [...(view.actions.done ? [`Mark as done: ${view.actions.done}`] : []), ...(view.actions.snooze ? [`Snooze 1 day: ${view.actions.snooze}`] : [])];
  if (links.length) parts.push(links);
  // "-- " (with the space) is the signature separator mail clients recognise and grey out.
  parts.push(['-- ', ...view.footer.lines, ...(view.footer.unsubscribe ? [`${view.footer.unsubscribe.label}: ${view.footer.unsubscribe.href}`] : [])]);
  return parts.map((p) => p.join('\n')).join('\n\n') + '\n';
}

/** Both parts of `view`. */
export function renderMail(view: MailView): { html: string; text: string } {
  return { html: renderMailHtml(view), text: renderMailText(view) };
}
